package dev.tokenrefresh.bench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * One plot of the chart: a framed plot area with ticks, grid lines, axis labels and a line per
 * series. Immutable and thread-safe; draws on a canvas it is given.
 *
 * @param title above the plot
 * @param xLabel below the x axis
 * @param yLabel beside the y axis
 * @param x the x axis
 * @param y the y axis
 */
record ChartPanel(String title, String xLabel, String yLabel, ChartAxis x, ChartAxis y) {

  private static final String GRID = "#dddddd";
  private static final String INK = "#222222";

  /**
   * One line of the plot.
   *
   * @param name the legend's text
   * @param color stroke and marker color
   * @param shape the marker ({@link SvgCanvas#marker})
   * @param dash an SVG dash array ({@code none} for solid)
   * @param points data coordinates, x ascending
   */
  record Series(String name, String color, String shape, String dash, List<double[]> points) {}

  /** Draws the plot with its area's top-left corner at ({@code left}, {@code top}). */
  void draw(SvgCanvas svg, double left, double top, double w, double h, List<Series> series) {
    svg.text(left + w / 2, top - 12, title, 15, "middle", 0);
    drawXAxis(svg, left, top, w, h);
    drawYAxis(svg, left, top, w, h);
    svg.rect(left, top, w, h, "none", INK);
    for (Series s : series) {
      List<double[]> px = new ArrayList<>();
      for (double[] p : s.points()) {
        px.add(new double[] {left + x.fraction(p[0]) * w, top + h - y.fraction(p[1]) * h});
      }
      svg.polyline(px, s.color(), s.dash());
      for (double[] p : px) {
        svg.marker(s.shape(), p[0], p[1], s.color());
      }
    }
  }

  private void drawXAxis(SvgCanvas svg, double left, double top, double w, double h) {
    double bottom = top + h;
    for (double v : x.minorTicks()) {
      double px = left + x.fraction(v) * w;
      svg.line(px, bottom, px, bottom + 4, INK, 1);
    }
    for (double v : x.ticks()) {
      double px = left + x.fraction(v) * w;
      svg.line(px, top, px, bottom, GRID, 1);
      svg.line(px, bottom, px, bottom + 7, INK, 1);
      svg.text(px, bottom + 22, x.label(v), 12, "middle", 0);
    }
    svg.text(left + w / 2, bottom + 44, xLabel, 13, "middle", 0);
  }

  private void drawYAxis(SvgCanvas svg, double left, double top, double w, double h) {
    double bottom = top + h;
    for (double v : y.minorTicks()) {
      double py = bottom - y.fraction(v) * h;
      svg.line(left - 4, py, left, py, INK, 1);
    }
    for (double v : y.ticks()) {
      double py = bottom - y.fraction(v) * h;
      svg.line(left, py, left + w, py, GRID, 1);
      svg.line(left - 7, py, left, py, INK, 1);
      svg.text(left - 10, py + 4, y.label(v), 12, "end", 0);
    }
    svg.text(left - 58, top + h / 2, yLabel, 13, "middle", -90);
  }
}
