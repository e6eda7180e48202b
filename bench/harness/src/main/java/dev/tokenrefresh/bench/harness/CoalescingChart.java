package dev.tokenrefresh.bench.harness;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws {@code docs/coalescing.png} from the harness's CSV with XChart: identity-provider calls and
 * p99 latency against N (one session, N concurrent requests after expiry), log-scale x, one line
 * per strategy, and below them the requests each strategy did not serve. Every number in the
 * picture comes from the CSV. Run with {@code mvn -B -f bench/harness/pom.xml package
 * exec:exec@chart}, or as the second goal of the harness command.
 *
 * <p>Arguments: {@code [CSV [SVG]]}, by default {@code target/harness/results.csv} and {@code
 * docs/coalescing.png}.
 */
public final class CoalescingChart {

  private static final List<String> STRATEGIES = List.of("module", "naive", "session-lock");
  private static final int WIDTH = 1000;
  private static final int PANEL = 480;
  private static final int HEIGHT = 570;

  private CoalescingChart() {}

  /** Reads the CSV and writes the SVG; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    Path csv = Path.of(args.length > 0 ? args[0] : "target/harness/results.csv");
    Path png = Path.of(args.length > 1 ? args[1] : "docs/coalescing.png");
    List<Map<String, String>> rows = curveRows(ResultCsv.read(csv));
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    chart(rows, "Identity-provider calls", "token-endpoint calls (log scale)", "idp_calls", true)
        .paint(g, PANEL, 400);
    g.translate(WIDTH - PANEL, 0);
    chart(rows, "p99 latency", "p99 time to answer (ms)", "p99_ms", false).paint(g, PANEL, 400);
    g.translate(PANEL - WIDTH, 0);
    notes(g, rows, csv.getFileName().toString());
    g.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer in this JVM");
    }
    System.out.println("chart: wrote " + png.toAbsolutePath() + " from " + csv);
  }

  /** The one-session rows of the three strategies, N ascending. */
  static List<Map<String, String>> curveRows(List<Map<String, String>> all) throws IOException {
    List<Map<String, String>> rows =
        all.stream()
            .filter(r -> r.get("scenario").matches("curve-\\d+"))
            .filter(r -> STRATEGIES.contains(r.get("strategy")))
            .sorted(Comparator.comparingDouble(r -> num(r, "requests_per_session")))
            .toList();
    if (rows.stream().map(r -> r.get("requests_per_session")).distinct().count() < 2) {
      throw new IOException("the CSV has fewer than two curve points: run the harness first");
    }
    return rows;
  }

  private static XYChart chart(
      List<Map<String, String>> rows, String title, String yLabel, String column, boolean logY) {
    XYChart chart =
        new XYChartBuilder()
            .width(PANEL)
            .height(400)
            .title(title)
            .xAxisTitle("N: concurrent requests of one session (log scale)")
            .yAxisTitle(yLabel)
            .build();
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(logY);
    chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(true);
    for (String strategy : STRATEGIES) {
      List<Map<String, String>> mine = of(rows, strategy);
      List<Double> n = mine.stream().map(r -> num(r, "requests_per_session")).toList();
      List<Double> y = mine.stream().map(r -> num(r, column)).toList();
      chart.addSeries(strategy, n, y).setMarker(SeriesMarkers.CIRCLE);
    }
    return chart;
  }

  private static void notes(Graphics2D g, List<Map<String, String>> rows, String source) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    List<String> lines = new ArrayList<>();
    lines.add(
        "N requests of one session after expiry, simulated rotating IdP, "
            + rows.get(0).get("idp_latency_ms")
            + " ms per call. Requests not served, at N = "
            + rows.stream()
                .map(r -> r.get("requests_per_session"))
                .distinct()
                .collect(Collectors.joining(" / "))
            + ":");
    for (String strategy : STRATEGIES) {
      List<Map<String, String>> mine = of(rows, strategy);
      lines.add(
          "    "
              + strategy
              + ": "
              + joined(mine, CoalescingChart::notServed)
              + "  (401 session ended: "
              + joined(mine, r -> (long) num(r, "session_ended"))
              + "; 503 retry later: "
              + joined(mine, r -> (long) (num(r, "rejected_503") + num(r, "idp_fault")))
              + ")");
    }
    lines.add(
        "p99 counts every answer, success or failure. Module requests hold no thread while they"
            + " wait; naive and session-lock requests each block one thread.");
    lines.add(
        "Drawn by CoalescingChart (XChart) from " + source + "; see docs/benchmarks-harness.md.");
    int y = 440;
    for (String line : lines) {
      g.drawString(line, 40, y);
      y += 20;
    }
  }

  private static List<Map<String, String>> of(List<Map<String, String>> rows, String strategy) {
    return rows.stream().filter(r -> r.get("strategy").equals(strategy)).toList();
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
