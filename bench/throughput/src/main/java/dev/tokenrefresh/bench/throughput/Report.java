package dev.tokenrefresh.bench.throughput;

import static dev.tokenrefresh.bench.throughput.Stats.max;
import static dev.tokenrefresh.bench.throughput.Stats.median;
import static dev.tokenrefresh.bench.throughput.Stats.min;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Turns one server's measured rounds into the tables of {@code docs/throughput.md} (Markdown on
 * standard output) and a CSV of every run. A ratio is taken within each round (both variants
 * measured minutes apart at most), then summarised as the median and the min–max over rounds. Not
 * thread-safe.
 *
 * @param server the server measured
 * @param pinning where the server and wrk ran, or null when they were not pinned
 * @param pinnedThreads the server JVM's threads found on its CPUs after the last run (0 unpinned)
 * @param runs every measured run, in the order run
 */
record Report(ServerKind server, CpuPinning pinning, int pinnedThreads, List<Measurement> runs) {

  /** The header of {@link #summaryRow()}: one line per server. */
  static final String SUMMARY_HEADER =
      "| server | filtered / cdi (target ≥ 0.95) | filtered / pass-through | pass-through / cdi"
          + " | server CPU µs/req: cdi, pass-through, filtered | load before runs | load after"
          + " runs |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n";

  Report {
    runs = List.copyOf(runs);
  }

  /** Per variant: median req/s with min–max, median p50 and p99 latency, CPU per request. */
  String variantTable() {
    StringBuilder t = new StringBuilder();
    t.append(
        "| variant | req/s median | req/s min–max | p50 ms | p99 ms | p99 ms min–max"
            + " | server CPU µs/req | wrk CPU µs/req |\n");
    t.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Variant v : variants()) {
      double[] rate = values(v, m -> m.result().requestsPerSecond());
      double[] p99 = values(v, m -> m.result().p99Millis());
      t.append(
          format(
              "| %s | %,.0f | %,.0f–%,.0f | %.2f | %.2f | %.2f–%.2f | %.1f | %.1f |%n",
              v.context(),
              median(rate),
              min(rate),
              max(rate),
              median(values(v, m -> m.result().p50Millis())),
              median(p99),
              min(p99),
              max(p99),
              median(values(v, Measurement::serverMicrosPerRequest)),
              median(values(v, Measurement::wrkMicrosPerRequest))));
    }
    return t.toString();
  }

  /**
   * The throughput ratios, per round, as median and min–max; the ratio of the server's CPU time per
   * request (denominator's over numerator's), which is what the throughput ratio tends to when the
   * server's CPU is the bottleneck; and the CPU per request the numerator adds to the denominator.
   */
  String ratioTable() {
    StringBuilder t = new StringBuilder();
    t.append(
        "| ratio | req/s: median | req/s: min–max over rounds | CPU/req inverse: median"
            + " | server CPU µs/req added: median |\n");
    t.append("| --- | ---: | ---: | ---: | ---: |\n");
    ratioRow(t, Variant.FILTERED, Variant.CDI, " (the target: ≥ 0.95)");
    ratioRow(t, Variant.FILTERED, Variant.PASS_THROUGH, " (the module's own cost)");
    ratioRow(t, Variant.PASS_THROUGH, Variant.CDI, " (the container's price for any filter)");
    ratioRow(t, Variant.FILTERED, Variant.PLAIN, "");
    ratioRow(t, Variant.CDI, Variant.PLAIN, "");
    if (variants().contains(Variant.MODULE_DISABLED)) {
      ratioRow(t, Variant.MODULE_DISABLED, Variant.PASS_THROUGH, "");
      ratioRow(t, Variant.FILTERED, Variant.MODULE_DISABLED, "");
    }
    if (variants().contains(Variant.BASELINE)) {
      ratioRow(t, Variant.FILTERED, Variant.BASELINE, "");
      ratioRow(t, Variant.BASELINE, Variant.CDI, "");
    }
    return t.toString();
  }

  /** The load average before and after the runs, and the pinning. */
  String conditions() {
    return format(
        "Load average (1 min) before each run %s, after each run %s. Pinning: %s.%n",
        spread(Measurement::loadBefore), spread(Measurement::loadAfter), placement());
  }

  /** Where the server and wrk ran, as checked after the last run. */
  String placement() {
    return pinning == null
        ? "none (server and wrk share the CPUs)"
        : format(
            "all %d threads of the server JVM on CPU %s, wrk on CPU %s (taskset)",
            pinnedThreads, pinning.serverCpus(), pinning.wrkCpus());
  }

  /** This server's line under {@link #SUMMARY_HEADER}. */
  String summaryRow() {
    return format(
        "| %s | %.3f | %.3f | %.3f | %.1f, %.1f, %.1f | %s | %s |%n",
        server.title(),
        median(ratios(Variant.FILTERED, Variant.CDI)),
        median(ratios(Variant.FILTERED, Variant.PASS_THROUGH)),
        median(ratios(Variant.PASS_THROUGH, Variant.CDI)),
        median(values(Variant.CDI, Measurement::serverMicrosPerRequest)),
        median(values(Variant.PASS_THROUGH, Measurement::serverMicrosPerRequest)),
        median(values(Variant.FILTERED, Measurement::serverMicrosPerRequest)),
        spread(Measurement::loadBefore),
        spread(Measurement::loadAfter));
  }

  /** Writes one line per run. */
  void writeCsv(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "server,round,variant,requests_per_second,p50_ms,p99_ms,requests,failures,"
            + "load_average_1m_before,load_average_1m_after,server_cpu_us_per_request,"
            + "wrk_cpu_us_per_request,pinned");
    for (Measurement m : runs) {
      WrkResult r = m.result();
      lines.add(
          format(
              "%s,%d,%s,%.1f,%.3f,%.3f,%d,%d,%.2f,%.2f,%.2f,%.2f,%s",
              server.id(),
              m.round(),
              m.variant().context(),
              r.requestsPerSecond(),
              r.p50Millis(),
              r.p99Millis(),
              r.requests(),
              r.failures(),
              m.loadBefore(),
              m.loadAfter(),
              m.serverMicrosPerRequest(),
              m.wrkMicrosPerRequest(),
              pinning != null));
    }
    Files.write(file, lines);
  }

  private void ratioRow(StringBuilder t, Variant num, Variant den, String note) {
    double[] ratios = ratios(num, den);
    double[] cpuInverse = perRound(den, num, Measurement::serverMicrosPerRequest, (d, n) -> d / n);
    double[] added = perRound(num, den, Measurement::serverMicrosPerRequest, (n, d) -> n - d);
    t.append(
        format(
            "| %s / %s%s | %.3f | %.3f–%.3f | %.3f | %+.1f |%n",
            num.context(),
            den.context(),
            note,
            median(ratios),
            min(ratios),
            max(ratios),
            median(cpuInverse),
            median(added)));
  }

  /** Per round, the throughput of {@code num} over that of {@code den}. */
  private double[] ratios(Variant num, Variant den) {
    return perRound(num, den, m -> m.result().requestsPerSecond(), (n, d) -> n / d);
  }

  /** Per round, {@code op(f(a), f(b))}. */
  private double[] perRound(
      Variant a, Variant b, ToDoubleFunction<Measurement> f, Stats.Combine op) {
    double[] x = values(a, f);
    double[] y = values(b, f);
    double[] r = new double[Math.min(x.length, y.length)];
    for (int i = 0; i < r.length; i++) {
      r[i] = op.apply(x[i], y[i]);
    }
    return r;
  }

  /** "min–max (median m)" over every run. */
  private String spread(ToDoubleFunction<Measurement> f) {
    double[] xs = runs.stream().mapToDouble(f).toArray();
    return format("%.2f–%.2f (median %.2f)", min(xs), max(xs), median(xs));
  }

  /** The variants measured, in declaration order. */
  private List<Variant> variants() {
    return runs.stream().map(Measurement::variant).distinct().sorted().toList();
  }

  /** The variant's values in round order. */
  private double[] values(Variant v, ToDoubleFunction<Measurement> f) {
    return runs.stream().filter(m -> m.variant() == v).mapToDouble(f).toArray();
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
