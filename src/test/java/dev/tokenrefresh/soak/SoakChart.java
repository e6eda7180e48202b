package dev.tokenrefresh.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A small SVG line chart of the soak's samples: heap after GC and live threads, each scaled to its
 * own maximum, one point per minute. Deliberately minimal (no library): two polylines, axes and
 * labels. Stateless.
 */
final class SoakChart {

  private static final int W = 640;
  private static final int H = 260;
  private static final int PAD = 40;

  private SoakChart() {}

  static String svg(List<SoakSample> samples) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"11\">%n",
            W,
            H));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            PAD,
            H - PAD,
            W - PAD,
            H - PAD,
            PAD,
            PAD,
            PAD,
            H - PAD));
    line(s, samples, SoakSample::heapAfterGcMiB, "#1f77b4", "heap after GC (MiB)", 0);
    line(s, samples, SoakSample::liveThreads, "#d62728", "live threads", 1);
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\">minute</text>%n<text x=\"%d\" y=\"%d\">0</text>%n"
                + "<text x=\"%d\" y=\"%d\">%d</text>%n",
            W / 2,
            H - 8,
            PAD,
            H - PAD + 14,
            W - PAD,
            H - PAD + 14,
            samples.get(samples.size() - 1).minute()));
    return s.append("</svg>\n").toString();
  }

  private static void line(
      StringBuilder s,
      List<SoakSample> samples,
      ToDoubleFunction<SoakSample> value,
      String colour,
      String label,
      int row) {
    double max = samples.stream().mapToDouble(value).max().orElse(1);
    int last = Math.max(1, samples.get(samples.size() - 1).minute());
    StringBuilder points = new StringBuilder();
    for (SoakSample sample : samples) {
      double x = PAD + (W - 2.0 * PAD) * sample.minute() / last;
      double y = H - PAD - (H - 2.0 * PAD) * value.applyAsDouble(sample) / (max * 1.1);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n"
                + "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s, max %.1f (scaled to its max)</text>%n",
            colour,
            points.toString().trim(),
            PAD + 10,
            PAD - 20 + 14 * row,
            colour,
            label,
            max));
  }
}
