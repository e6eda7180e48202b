package dev.tokenrefresh.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Draws {@code docs/coalescing.svg} from the harness's CSV: identity-provider calls and p99 latency
 * against N (one session, N concurrent requests after expiry), log-scale x, one line per strategy.
 * Every number in the picture comes from the CSV. Run with {@code mvn -B -Pbench test-compile
 * exec:exec@harness-chart}, or as the second goal of the harness command.
 *
 * <p>Arguments: {@code [CSV [SVG]]}, by default {@code target/harness/results.csv} and {@code
 * docs/coalescing.svg}.
 */
public final class CoalescingChart {

  private static final List<String[]> STRATEGIES =
      List.of(
          new String[] {"module", "#1b9e77", "circle", "none"},
          new String[] {"naive", "#d95f02", "square", "6,4"},
          new String[] {"session-lock", "#7570b3", "triangle", "2,3"});

  private CoalescingChart() {}

  /** Reads the CSV and writes the SVG; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    Path csv = Path.of(args.length > 0 ? args[0] : "target/harness/results.csv");
    Path svg = Path.of(args.length > 1 ? args[1] : "docs/coalescing.svg");
    List<Map<String, String>> rows = curveRows(ResultCsv.read(csv));
    Files.createDirectories(svg.toAbsolutePath().getParent());
    Files.writeString(svg, render(rows, csv.getFileName().toString()), StandardCharsets.UTF_8);
    System.out.println("chart: wrote " + svg.toAbsolutePath() + " from " + csv);
  }

  /** The one-session rows of the three strategies, N ascending. */
  static List<Map<String, String>> curveRows(List<Map<String, String>> all) throws IOException {
    List<String> names = STRATEGIES.stream().map(s -> s[0]).toList();
    List<Map<String, String>> rows =
        all.stream()
            .filter(r -> r.get("scenario").matches("curve-\\d+"))
            .filter(r -> names.contains(r.get("strategy")))
            .sorted(Comparator.comparingDouble(r -> num(r, "requests_per_session")))
            .toList();
    if (rows.stream().map(r -> r.get("requests_per_session")).distinct().count() < 2) {
      throw new IOException("the CSV has fewer than two curve points: run the harness first");
    }
    return rows;
  }

  static String render(List<Map<String, String>> rows, String source) {
    double minN = rows.stream().mapToDouble(r -> num(r, "requests_per_session")).min().orElse(1);
    double maxN = rows.stream().mapToDouble(r -> num(r, "requests_per_session")).max().orElse(10);
    double maxCalls = rows.stream().mapToDouble(r -> num(r, "idp_calls")).max().orElse(10);
    double maxP99 = rows.stream().mapToDouble(r -> num(r, "p99_ms")).max().orElse(1);
    String xLabel = "N: concurrent requests of one session (log scale)";
    ChartPanel calls =
        new ChartPanel(
            "Identity-provider calls",
            xLabel,
            "token-endpoint calls (log scale)",
            ChartAxis.log(minN, maxN),
            ChartAxis.log(1, Math.max(10, maxCalls)));
    ChartPanel latency =
        new ChartPanel(
            "p99 latency",
            xLabel,
            "p99 time to answer (ms)",
            ChartAxis.log(minN, maxN),
            ChartAxis.linear(maxP99));
    SvgCanvas svg = new SvgCanvas(1000, 610);
    svg.text(500, 28, title(rows), 17, "middle", 0);
    calls.draw(svg, 90, 75, 370, 300, series(rows, "idp_calls"));
    latency.draw(svg, 590, 75, 370, 300, series(rows, "p99_ms"));
    legend(svg, 90, 470);
    notes(svg, rows, source, 90, 500);
    return svg.document();
  }

  private static String title(List<Map<String, String>> rows) {
    return "Coalescing: N requests of one session after expiry, simulated rotating IdP, "
        + rows.get(0).get("idp_latency_ms")
        + " ms per call";
  }

  private static List<ChartPanel.Series> series(List<Map<String, String>> rows, String column) {
    List<ChartPanel.Series> out = new ArrayList<>();
    for (String[] s : STRATEGIES) {
      List<double[]> points =
          rows.stream()
              .filter(r -> r.get("strategy").equals(s[0]))
              .map(r -> new double[] {num(r, "requests_per_session"), num(r, column)})
              .toList();
      out.add(new ChartPanel.Series(s[0], s[1], s[2], s[3], points));
    }
    return out;
  }

  private static void legend(SvgCanvas svg, double left, double top) {
    double x = left;
    for (String[] s : STRATEGIES) {
      svg.line(x, top, x + 34, top, s[1], 2);
      svg.marker(s[2], x + 17, top, s[1]);
      svg.text(x + 42, top + 5, s[0], 13, "start", 0);
      x += 170;
    }
  }

  private static void notes(
      SvgCanvas svg, List<Map<String, String>> rows, String source, double left, double top) {
    String ns =
        rows.stream()
            .map(r -> r.get("requests_per_session"))
            .distinct()
            .collect(Collectors.joining(" / "));
    svg.text(left, top, "Requests not served, at N = " + ns + ":", 12, "start", 0);
    double y = top;
    for (String[] s : STRATEGIES) {
      y += 17;
      List<Map<String, String>> mine =
          rows.stream().filter(r -> r.get("strategy").equals(s[0])).toList();
      svg.text(
          left + 12,
          y,
          s[0]
              + ": "
              + joined(mine, CoalescingChart::notServed)
              + "  (401 session ended: "
              + joined(mine, r -> (long) num(r, "session_ended"))
              + "; 503 retry later: "
              + joined(mine, r -> (long) (num(r, "rejected_503") + num(r, "idp_fault")))
              + ")",
          12,
          "start",
          0);
    }
    svg.text(
        left,
        y + 24,
        "p99 counts every answer, success or failure. Module requests hold no thread while"
            + " they wait; naive and session-lock requests each block one thread.",
        12,
        "start",
        0);
    svg.text(
        left,
        y + 42,
        "Generated by dev.tokenrefresh.bench.harness.CoalescingChart from "
            + source
            + "; see docs/benchmarks-harness.md.",
        12,
        "start",
        0);
  }

  private static String joined(
      List<Map<String, String>> rows, ToLongFunction<Map<String, String>> value) {
    return rows.stream()
        .map(r -> Long.toString(value.applyAsLong(r)))
        .collect(Collectors.joining(" / "));
  }

  private static long notServed(Map<String, String> r) {
    return (long)
        (num(r, "session_ended")
            + num(r, "rejected_503")
            + num(r, "idp_fault")
            + num(r, "unfinished"));
  }

  private static double num(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null || value.isEmpty() ? Double.NaN : Double.parseDouble(value);
  }
}
