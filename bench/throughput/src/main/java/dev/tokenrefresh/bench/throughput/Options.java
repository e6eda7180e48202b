package dev.tokenrefresh.bench.throughput;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The launcher's command line ({@code --name value} pairs; {@code --jfr} alone). The paths come
 * from the {@code throughput} execution of {@code bench/throughput/pom.xml}; the rest has defaults
 * that keep the whole run under ten minutes.
 *
 * @param payaraJar the Payara Micro jar
 * @param preBootCommands Payara's pre-boot commands (binds HTTP to 127.0.0.1)
 * @param libraryClasses the module's jar
 * @param baselineClasses another build's jar or classes of the module, for {@link
 *     Variant#BASELINE}; null to leave that variant out
 * @param warLibs the module's runtime dependencies
 * @param out the work and result folder
 * @param rounds measured rounds; each measures every variant once
 * @param warmup per variant, before the first round
 * @param duration per measured run
 * @param threads wrk threads
 * @param connections wrk connections
 * @param heap Payara's fixed heap ({@code -Xms} = {@code -Xmx})
 * @param jfr whether Payara records a JFR profile (for analysis; it costs throughput)
 * @param moduleDisabled whether to add {@link Variant#MODULE_DISABLED}
 */
record Options(
    Path payaraJar,
    Path preBootCommands,
    Path libraryClasses,
    Path baselineClasses,
    Path warLibs,
    Path out,
    int rounds,
    Duration warmup,
    Duration duration,
    int threads,
    int connections,
    String heap,
    boolean jfr,
    boolean moduleDisabled) {

  static Options parse(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--jfr") || args[i].equals("--module-disabled")) {
        a.put(args[i], "true");
      } else if (i + 1 < args.length) {
        a.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("missing value after " + args[i]);
      }
    }
    return new Options(
        Path.of(required(a, "--payara-jar")),
        Path.of(required(a, "--pre-boot")),
        Path.of(required(a, "--library")),
        a.containsKey("--baseline-library") ? Path.of(a.get("--baseline-library")) : null,
        Path.of(required(a, "--war-libs")),
        Path.of(a.getOrDefault("--out", "target/throughput")),
        Integer.parseInt(a.getOrDefault("--rounds", "5")),
        Duration.ofSeconds(Long.parseLong(a.getOrDefault("--warmup", "15"))),
        Duration.ofSeconds(Long.parseLong(a.getOrDefault("--duration", "15"))),
        Integer.parseInt(a.getOrDefault("--threads", "1")),
        Integer.parseInt(a.getOrDefault("--connections", "16")),
        a.getOrDefault("--heap", "1g"),
        a.containsKey("--jfr"),
        a.containsKey("--module-disabled"));
  }

  /** The variants to measure, in the order of the first round. */
  List<Variant> variants() {
    return Arrays.stream(Variant.values())
        .filter(v -> v != Variant.BASELINE || baselineClasses != null)
        .filter(v -> v != Variant.MODULE_DISABLED || moduleDisabled)
        .toList();
  }

  /** Payara's JVM options. */
  List<String> jvmOptions() {
    List<String> o = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC"));
    if (jfr) {
      o.add("-XX:StartFlightRecording=filename=" + out.resolve("payara.jfr") + ",settings=profile");
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
