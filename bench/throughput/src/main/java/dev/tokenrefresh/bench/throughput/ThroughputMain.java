package dev.tokenrefresh.bench.throughput;

import dev.tokenrefresh.testing.PayaraMicro;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the application with and without the module's filter, on Payara Micro, for requests
 * whose token is valid (the filter's fast path). Starts one Payara Micro with three WARs ({@link
 * Variant}), logs one session into each, warms each up, then measures rounds in which every variant
 * runs once, the order rotating from round to round, so that the machine's noise falls on all of
 * them alike. Prints the tables of {@code docs/throughput.md} and writes a CSV.
 *
 * <p>Run: {@code mvn -B -f bench/throughput/pom.xml package exec:exec@throughput} (options through
 * {@code -Dthroughput.args="--rounds 5 --jfr"}).
 */
public final class ThroughputMain {

  private ThroughputMain() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Files.createDirectories(o.out());
    File baseline = o.baselineClasses() == null ? null : o.baselineClasses().toFile();
    Wars wars = new Wars(o.libraryClasses().toFile(), baseline, o.warLibs().toFile());
    List<File> files = new ArrayList<>();
    for (Variant v : o.variants()) {
      files.add(wars.write(v, o.out()));
    }
    System.out.printf("Payara Micro starting (load average %.2f) ...%n", loadAverage());
    try (PayaraMicro payara = start(o, files)) {
      Map<Variant, BenchSession> sessions = new EnumMap<>(Variant.class);
      for (Variant v : o.variants()) {
        sessions.put(v, BenchSession.login(payara.uri("/" + v.context()), v));
      }
      List<Measurement> runs = measure(o, sessions, payara.pid());
      Report report = new Report(runs);
      report.writeCsv(o.out().resolve("throughput.csv"));
      System.out.println();
      System.out.println(report.variantTable());
      System.out.println(report.ratioTable());
      System.out.println("CSV: " + o.out().resolve("throughput.csv"));
    }
  }

  /** One Payara Micro with every variant's WAR, on a loopback port, without clustering. */
  private static PayaraMicro start(Options o, List<File> wars)
      throws IOException, InterruptedException {
    PayaraMicro.Launch launch =
        PayaraMicro.launch(o.payaraJar(), o.out())
            .port(freePort())
            .jvmOptions(o.jvmOptions())
            .serverOptions(
                "--nocluster",
                "--disablephonehome",
                "--prebootcommandfile",
                o.preBootCommands().toString(),
                "--unpackdir",
                o.out().resolve("unpack").toString());
    for (File war : wars) {
      String context = war.getName().replace(".war", "");
      launch.deploy(war.toPath(), "/" + context + "/api/me");
    }
    return launch.start();
  }

  private static List<Measurement> measure(
      Options o, Map<Variant, BenchSession> sessions, long payaraPid)
      throws IOException, InterruptedException {
    Wrk wrk = new Wrk(o.threads(), o.connections());
    System.out.printf(
        "Payara pid %d; %s; warm-up %s per variant, %d rounds; about %s of load%n",
        payaraPid, wrk.describe(o.duration()), o.warmup(), o.rounds(), plannedLength(o));
    List<Variant> all = o.variants();
    for (Variant v : all) {
      BenchSession s = sessions.get(v);
      wrk.run(s.url(), s.cookie(), o.warmup());
    }
    List<Measurement> runs = new ArrayList<>();
    for (int round = 1; round <= o.rounds(); round++) {
      for (int i = 0; i < all.size(); i++) {
        Variant v = all.get((round - 1 + i) % all.size());
        Measurement m = measureOnce(wrk, round, v, sessions.get(v), o.duration(), payaraPid);
        runs.add(m);
        print(m);
      }
    }
    return runs;
  }

  /** One wrk run with the CPU time Payara and wrk spent on it; fails on any failed request. */
  private static Measurement measureOnce(
      Wrk wrk, int round, Variant v, BenchSession s, Duration duration, long payaraPid)
      throws IOException, InterruptedException {
    long payara = CpuTime.ofProcess(payaraPid);
    long children = CpuTime.ofEndedChildren();
    WrkResult r = wrk.run(s.url(), s.cookie(), duration);
    if (r.failures() > 0) {
      throw new IllegalStateException(v + ": " + r.failures() + " failed requests");
    }
    return new Measurement(
        round,
        v,
        r,
        loadAverage(),
        CpuTime.ofProcess(payaraPid) - payara,
        CpuTime.ofEndedChildren() - children);
  }

  private static void print(Measurement m) {
    WrkResult r = m.result();
    System.out.printf(
        "%s round %d %-8s %,10.0f req/s  p50 %6.2f ms  p99 %6.2f ms  Payara CPU %5.1f µs/req"
            + "  load %.2f%n",
        Instant.now(),
        m.round(),
        m.variant().context(),
        r.requestsPerSecond(),
        r.p50Millis(),
        r.p99Millis(),
        m.payaraMicrosPerRequest(),
        m.loadAverage());
  }

  /** The 1-minute load average ({@code /proc/loadavg}), NaN where there is none. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** How long wrk runs in total: warm-up plus rounds. */
  private static Duration plannedLength(Options o) {
    int variants = o.variants().size();
    long runs = (long) o.rounds() * variants;
    return o.warmup().multipliedBy(variants).plus(o.duration().multipliedBy(runs));
  }
}
