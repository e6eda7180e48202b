package dev.tokenrefresh.bench.throughput;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's command line ({@code --name value} pairs; {@code --jfr}, {@code --pin} and the
 * like alone). The paths come from the {@code throughput} execution of {@code
 * bench/throughput/pom.xml}; the rest has defaults that keep each server's run under ten minutes.
 *
 * @param payaraJar the Payara Micro jar
 * @param preBootCommands Payara's pre-boot commands (binds HTTP to 127.0.0.1)
 * @param wildflyHome the unpacked WildFly ({@code JBOSS_HOME})
 * @param wildflyPortOffset WildFly's port offset (HTTP on 8080 + offset)
 * @param libraryClasses the module's jar
 * @param baselineClasses another build's jar or classes of the module, for {@link
 *     Variant#BASELINE}; null to leave that variant out
 * @param warLibs the module's runtime dependencies
 * @param out the work and result folder
 * @param servers the servers to measure, one after the other
 * @param pinning where the server and wrk run ({@code --pin}, on by default with 2 CPUs or more),
 *     or null for no pinning ({@code --no-pin})
 * @param rounds measured rounds; each measures every variant once
 * @param warmup per variant, before the first round
 * @param duration per measured run
 * @param threads wrk threads
 * @param connections wrk connections
 * @param heap the server's fixed heap ({@code -Xms} = {@code -Xmx}), on either server
 * @param jfr whether the server records a JFR profile (for analysis; it costs throughput)
 * @param moduleDisabled whether to add {@link Variant#MODULE_DISABLED}
 */
record Options(
    Path payaraJar,
    Path preBootCommands,
    Path wildflyHome,
    int wildflyPortOffset,
    Path libraryClasses,
    Path baselineClasses,
    Path warLibs,
    Path out,
    List<ServerKind> servers,
    CpuPinning pinning,
    int rounds,
    Duration warmup,
    Duration duration,
    int threads,
    int connections,
    String heap,
    boolean jfr,
    boolean moduleDisabled) {

  private static final Set<String> FLAGS =
      Set.of("--jfr", "--module-disabled", "--pin", "--no-pin");

  /** Parses {@code args} on a machine with {@code cpus} processors (for the pinning default). */
  static Options parse(String[] args, int cpus) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (FLAGS.contains(args[i])) {
        a.put(args[i], "true");
      } else if (i + 1 < args.length) {
        a.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("missing value after " + args[i]);
      }
    }
    List<ServerKind> servers = servers(a.getOrDefault("--server", "both"));
    return new Options(
        Path.of(required(a, "--payara-jar")),
        Path.of(required(a, "--pre-boot")),
        servers.contains(ServerKind.WILDFLY) ? Path.of(required(a, "--wildfly-home")) : null,
        Integer.parseInt(a.getOrDefault("--wildfly-port-offset", "600")),
        Path.of(required(a, "--library")),
        a.containsKey("--baseline-library") ? Path.of(a.get("--baseline-library")) : null,
        Path.of(required(a, "--war-libs")),
        Path.of(a.getOrDefault("--out", "target/throughput")),
        servers,
        pinning(a, cpus),
        Integer.parseInt(a.getOrDefault("--rounds", "5")),
        Duration.ofSeconds(Long.parseLong(a.getOrDefault("--warmup", "15"))),
        Duration.ofSeconds(Long.parseLong(a.getOrDefault("--duration", "15"))),
        Integer.parseInt(a.getOrDefault("--threads", "1")),
        Integer.parseInt(a.getOrDefault("--connections", "16")),
        a.getOrDefault("--heap", "1g"),
        a.containsKey("--jfr"),
        a.containsKey("--module-disabled"));
  }

  /** {@code payara}, {@code wildfly} or {@code both} (Payara first). */
  static List<ServerKind> servers(String value) {
    if (value.equals("both")) {
      return List.of(ServerKind.PAYARA, ServerKind.WILDFLY);
    }
    try {
      return List.of(ServerKind.of(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--server must be payara, wildfly or both, was '" + value + "'", e);
    }
  }

  /**
   * The server on {@code --server-cpus} (0), wrk on {@code --wrk-cpus} (1): by default when the
   * machine has two CPUs or more; {@code --pin} insists (and fails on one CPU), {@code --no-pin}
   * turns it off.
   */
  static CpuPinning pinning(Map<String, String> a, int cpus) {
    if (a.containsKey("--pin") && a.containsKey("--no-pin")) {
      throw new IllegalArgumentException("--pin and --no-pin exclude each other");
    }
    if (a.containsKey("--no-pin") || (cpus < 2 && !a.containsKey("--pin"))) {
      return null;
    }
    CpuPinning p =
        new CpuPinning(a.getOrDefault("--server-cpus", "0"), a.getOrDefault("--wrk-cpus", "1"));
    Set<Integer> server = CpuPinning.parseList(p.serverCpus());
    Set<Integer> wrk = CpuPinning.parseList(p.wrkCpus());
    if (!Collections.disjoint(server, wrk)) {
      throw new IllegalArgumentException(
          "--server-cpus " + p.serverCpus() + " and --wrk-cpus " + p.wrkCpus() + " overlap");
    }
    int highest = Math.max(Collections.max(server), Collections.max(wrk));
    if (highest >= cpus) {
      throw new IllegalArgumentException(
          "--pin needs CPU "
              + highest
              + ", this machine has "
              + cpus
              + " (0 to "
              + (cpus - 1)
              + ")");
    }
    return p;
  }

  /** The variants to measure, in the order of the first round. */
  List<Variant> variants() {
    return Arrays.stream(Variant.values())
        .filter(v -> v != Variant.BASELINE || baselineClasses != null)
        .filter(v -> v != Variant.MODULE_DISABLED || moduleDisabled)
        .toList();
  }

  /** The server JVM's options, the same on either server; a JFR recording goes into {@code dir}. */
  List<String> jvmOptions(Path dir) {
    List<String> o = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC"));
    if (jfr) {
      o.add("-XX:StartFlightRecording=filename=" + dir.resolve("server.jfr") + ",settings=profile");
    }
    return o;
  }

  private static String required(Map<String, String> a, String name) {
    String v = a.get(name);
    if (v == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }
}
