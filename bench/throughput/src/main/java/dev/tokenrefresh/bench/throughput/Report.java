package dev.tokenrefresh.bench.throughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Turns the measured rounds into the tables of {@code docs/throughput.md} (Markdown on standard
 * output) and a CSV of every run. A ratio is taken within each round (both variants measured
 * minutes apart at most), then summarised as the median and the min–max over rounds. Not
 * thread-safe.
 */
final class Report {

  private final List<Measurement> runs;

  Report(List<Measurement> runs) {
    this.runs = List.copyOf(runs);
  }

  /** Per variant: median req/s with min–max, median p50 and p99 latency. */
  String variantTable() {
    StringBuilder t = new StringBuilder();
    t.append(
        "| variant | req/s median | req/s min–max | p50 ms | p99 ms | p99 ms min–max"
            + " | Payara CPU µs/req | wrk CPU µs/req |\n");
    t.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Variant v : variants()) {
      double[] rate = values(v, m -> m.result().requestsPerSecond());
      double[] p99 = values(v, m -> m.result().p99Millis());
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f–%,.0f | %.2f | %.2f | %.2f–%.2f | %.1f | %.1f |%n",
              v.context(),
              median(rate),
              min(rate),
              max(rate),
              median(values(v, m -> m.result().p50Millis())),
              median(p99),
              min(p99),
              max(p99),
              median(values(v, Measurement::payaraMicrosPerRequest)),
              median(values(v, Measurement::wrkMicrosPerRequest))));
    }
    return t.toString();
  }

  /**
   * The throughput ratios, per round, as median and min–max; then the ratio of Payara's CPU time
   * per request (denominator's over numerator's), which is what the throughput ratio tends to when
   * Payara's CPU is the bottleneck.
   */
  String ratioTable() {
    StringBuilder t = new StringBuilder();
    t.append("| ratio | req/s: median | req/s: min–max over rounds | CPU/req inverse: median |\n");
    t.append("| --- | ---: | ---: | ---: |\n");
    ratioRow(t, Variant.FILTERED, Variant.CDI);
    ratioRow(t, Variant.FILTERED, Variant.PLAIN);
    ratioRow(t, Variant.CDI, Variant.PLAIN);
    ratioRow(t, Variant.PASS_THROUGH, Variant.CDI);
    ratioRow(t, Variant.FILTERED, Variant.PASS_THROUGH);
    if (variants().contains(Variant.MODULE_DISABLED)) {
      ratioRow(t, Variant.MODULE_DISABLED, Variant.PASS_THROUGH);
      ratioRow(t, Variant.FILTERED, Variant.MODULE_DISABLED);
    }
    if (variants().contains(Variant.BASELINE)) {
      ratioRow(t, Variant.FILTERED, Variant.BASELINE);
      ratioRow(t, Variant.BASELINE, Variant.CDI);
    }
    double[] load = runs.stream().mapToDouble(Measurement::loadAverage).toArray();
    t.append(
        String.format(
            Locale.ROOT,
            "%nLoad average (1 min) after each run: %.2f–%.2f (median %.2f).%n",
            min(load),
            max(load),
            median(load)));
    return t.toString();
  }

  /** Writes one line per run. */
  void writeCsv(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "round,variant,requests_per_second,p50_ms,p99_ms,requests,failures,load_average_1m,"
            + "payara_cpu_us_per_request,wrk_cpu_us_per_request");
    for (Measurement m : runs) {
      WrkResult r = m.result();
      lines.add(
          String.format(
              Locale.ROOT,
              "%d,%s,%.1f,%.3f,%.3f,%d,%d,%.2f,%.2f,%.2f",
              m.round(),
              m.variant().context(),
              r.requestsPerSecond(),
              r.p50Millis(),
              r.p99Millis(),
              r.requests(),
              r.failures(),
              m.loadAverage(),
              m.payaraMicrosPerRequest(),
              m.wrkMicrosPerRequest()));
    }
    Files.write(file, lines);
  }

  private void ratioRow(StringBuilder t, Variant num, Variant den) {
    double[] ratios = ratios(num, den, m -> m.result().requestsPerSecond());
    double[] cpu = ratios(den, num, Measurement::payaraMicrosPerRequest);
    t.append(
        String.format(
            Locale.ROOT,
            "| %s / %s | %.3f | %.3f–%.3f | %.3f |%n",
            num.context(),
            den.context(),
            median(ratios),
            min(ratios),
            max(ratios),
            median(cpu)));
  }

  /** Per round, {@code f(num) / f(den)}. */
  private double[] ratios(Variant num, Variant den, ToDoubleFunction<Measurement> f) {
    double[] n = values(num, f);
    double[] d = values(den, f);
    double[] r = new double[Math.min(n.length, d.length)];
    for (int i = 0; i < r.length; i++) {
      r[i] = n[i] / d[i];
    }
    return r;
  }

  /** The variants measured, in declaration order. */
  private List<Variant> variants() {
    return runs.stream().map(Measurement::variant).distinct().sorted().toList();
  }

  /** The variant's values in round order. */
  private double[] values(Variant v, ToDoubleFunction<Measurement> f) {
    return runs.stream().filter(m -> m.variant() == v).mapToDouble(f).toArray();
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double min(double[] xs) {
    return Arrays.stream(xs).min().orElse(Double.NaN);
  }

  private static double max(double[] xs) {
    return Arrays.stream(xs).max().orElse(Double.NaN);
  }
}
