package dev.tokenrefresh.bench.harness;

import java.util.List;
import java.util.Locale;

/** Builds an SVG document element by element; escapes every text. Not thread-safe. */
final class SvgCanvas {

  private final StringBuilder body = new StringBuilder();
  private final int width;
  private final int height;

  SvgCanvas(int width, int height) {
    this.width = width;
    this.height = height;
  }

  void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    body.append(
        format(
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"%.1f\"/>%n",
            x1, y1, x2, y2, stroke, strokeWidth));
  }

  void rect(double x, double y, double w, double h, String fill, String stroke) {
    body.append(
        format(
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\"/>%n",
            x, y, w, h, fill, stroke));
  }

  void polyline(List<double[]> points, String stroke, String dash) {
    StringBuilder p = new StringBuilder();
    for (double[] xy : points) {
      p.append(format("%.1f,%.1f ", xy[0], xy[1]));
    }
    body.append(
        format(
            "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                + " stroke-dasharray=\"%s\"/>%n",
            p.toString().trim(), stroke, dash));
  }

  /**
   * A marker: {@code circle}, {@code square} or {@code triangle}, so series differ without color.
   */
  void marker(String shape, double x, double y, String fill) {
    switch (shape) {
      case "square" -> rect(x - 4, y - 4, 8, 8, fill, fill);
      case "triangle" ->
          body.append(
              format(
                  "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>%n",
                  x, y - 5, x - 5, y + 4, x + 5, y + 4, fill));
      default ->
          // Hollow, so that a marker drawn at the same point after it stays visible inside.
          body.append(
              format(
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6.5\" fill=\"none\" stroke=\"%s\""
                      + " stroke-width=\"2\"/>%n",
                  x, y, fill));
    }
  }

  /** Text; {@code anchor} is {@code start}, {@code middle} or {@code end}; rotated if nonzero. */
  void text(double x, double y, String text, int size, String anchor, int rotate) {
    String transform =
        rotate == 0 ? "" : format(" transform=\"rotate(%d %.1f %.1f)\"", rotate, x, y);
    body.append(
        format(
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\"%s>%s</text>%n",
            x, y, size, anchor, transform, escape(text)));
  }

  String document() {
    return format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\" font-family=\"sans-serif\">%n",
            width, height, width, height)
        + format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height)
        + body
        + "</svg>\n";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
