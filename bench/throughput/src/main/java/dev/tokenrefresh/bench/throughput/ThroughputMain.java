package dev.tokenrefresh.bench.throughput;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the application with and without the module's filter, on Payara Micro and on
 * WildFly, for requests whose token is valid (the filter's fast path). For each server in turn
 * (never two at once): starts it with the WARs of every {@link Variant}, pins it and wrk to
 * separate cores, logs one session into each WAR, warms each up, then measures rounds in which
 * every variant runs once, the order rotating from round to round, so that the machine's noise
 * falls on all of them alike. Prints the tables of {@code docs/throughput.md} and writes a CSV per
 * server.
 *
 * <p>Run: {@code mvn -B -f bench/throughput/pom.xml package exec:exec@throughput} (options through
 * {@code -Dthroughput.args="--server wildfly --rounds 5"}).
 */
public final class ThroughputMain {

  private ThroughputMain() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args, Runtime.getRuntime().availableProcessors());
    Path warDir = Files.createDirectories(o.out().resolve("wars"));
    File baseline = o.baselineClasses() == null ? null : o.baselineClasses().toFile();
    Wars wars = new Wars(o.libraryClasses().toFile(), baseline, o.warLibs().toFile());
    List<Path> files = new ArrayList<>();
    for (Variant v : o.variants()) {
      files.add(wars.write(v, warDir).toPath());
    }
    System.out.println(
        o.pinning() == null
            ? "CPU pinning: off (server and wrk share the machine's CPUs)"
            : "CPU pinning: server on CPU "
                + o.pinning().serverCpus()
                + ", wrk on CPU "
                + o.pinning().wrkCpus()
                + " (taskset)");
    List<Report> reports = new ArrayList<>();
    for (ServerKind kind : o.servers()) {
      reports.add(run(o, kind, files));
    }
    if (reports.size() > 1) {
      System.out.println();
      System.out.print(Report.SUMMARY_HEADER);
      reports.forEach(r -> System.out.print(r.summaryRow()));
    }
  }

  /** One server's whole run: start, pin, log in, warm up, measure, report; then stop it. */
  private static Report run(Options o, ServerKind kind, List<Path> wars)
      throws IOException, InterruptedException {
    Path dir = Files.createDirectories(o.out().resolve(kind.id()));
    System.out.printf("%n%s starting (load average %.2f) ...%n", kind.title(), loadAverage());
    try (BenchServer server = kind.start(o, dir, wars)) {
      if (o.pinning() != null) {
        o.pinning().pinServer(server.pid());
        o.pinning().requirePinned(server.pid());
      }
      Map<Variant, BenchSession> sessions = new EnumMap<>(Variant.class);
      for (Variant v : o.variants()) {
        sessions.put(v, BenchSession.login(server.uri("/" + v.context()), v));
      }
      List<Measurement> runs = measure(o, kind, sessions, server.pid());
      int threads = o.pinning() == null ? 0 : o.pinning().requirePinned(server.pid());
      Report report = new Report(kind, o.pinning(), threads, runs);
      Path csv = dir.resolve("throughput.csv");
      report.writeCsv(csv);
      System.out.printf("%n## %s%n%n", kind.title());
      System.out.println(report.variantTable());
      System.out.println(report.ratioTable());
      System.out.print(report.conditions());
      System.out.println("CSV: " + csv);
      return report;
    }
  }

  private static List<Measurement> measure(
      Options o, ServerKind kind, Map<Variant, BenchSession> sessions, long serverPid)
      throws IOException, InterruptedException {
    Wrk wrk = new Wrk(o.threads(), o.connections(), o.pinning());
    System.out.printf(
        "%s pid %d; %s; warm-up %s per variant, %d rounds; about %s of load%n",
        kind.title(),
        serverPid,
        wrk.describe(o.duration()),
        o.warmup(),
        o.rounds(),
        plannedLength(o));
    List<Variant> all = o.variants();
    for (Variant v : all) {
      BenchSession s = sessions.get(v);
      wrk.run(s.url(), s.cookie(), o.warmup());
    }
    List<Measurement> runs = new ArrayList<>();
    for (int round = 1; round <= o.rounds(); round++) {
      for (int i = 0; i < all.size(); i++) {
        Variant v = all.get((round - 1 + i) % all.size());
        Measurement m = measureOnce(wrk, round, v, sessions.get(v), o.duration(), serverPid);
        runs.add(m);
        print(m);
      }
    }
    return runs;
  }

  /** One wrk run with the CPU time the server and wrk spent on it; fails on any failed request. */
  private static Measurement measureOnce(
      Wrk wrk, int round, Variant v, BenchSession s, Duration duration, long serverPid)
      throws IOException, InterruptedException {
    double loadBefore = loadAverage();
    long server = CpuTime.ofProcess(serverPid);
    long children = CpuTime.ofEndedChildren();
    WrkResult r = wrk.run(s.url(), s.cookie(), duration);
    if (r.failures() > 0) {
      throw new IllegalStateException(v + ": " + r.failures() + " failed requests");
    }
    return new Measurement(
        round,
        v,
        r,
        loadBefore,
        loadAverage(),
        CpuTime.ofProcess(serverPid) - server,
        CpuTime.ofEndedChildren() - children);
  }

  private static void print(Measurement m) {
    WrkResult r = m.result();
    System.out.printf(
        "%s round %d %-12s %,10.0f req/s  p50 %6.2f ms  p99 %6.2f ms  server CPU %5.1f µs/req"
            + "  load %.2f → %.2f%n",
        Instant.now(),
        m.round(),
        m.variant().context(),
        r.requestsPerSecond(),
        r.p50Millis(),
        r.p99Millis(),
        m.serverMicrosPerRequest(),
        m.loadBefore(),
        m.loadAfter());
  }

  /** The 1-minute load average ({@code /proc/loadavg}), NaN where there is none. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** How long wrk runs per server: warm-up plus rounds. */
  private static Duration plannedLength(Options o) {
    int variants = o.variants().size();
    long runs = (long) o.rounds() * variants;
    return o.warmup().multipliedBy(variants).plus(o.duration().multipliedBy(runs));
  }
}
