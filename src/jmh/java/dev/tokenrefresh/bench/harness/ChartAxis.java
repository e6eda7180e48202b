package dev.tokenrefresh.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps data values to a fraction of a plot's extent (0 at the origin, 1 at the far end), and says
 * where its ticks go. Immutable and thread-safe.
 */
interface ChartAxis {

  double fraction(double value);

  /** Labelled ticks. */
  List<Double> ticks();

  /** Unlabelled ticks between the labelled ones (a log axis's 2..9 per decade). */
  List<Double> minorTicks();

  /** A tick's label: whole numbers with thin grouping (10 000), else one decimal. */
  default String label(double value) {
    if (value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,d", (long) value).replace(',', '\u2009');
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A base-10 logarithmic axis over whole decades covering {@code min..max} (both > 0). */
  static ChartAxis log(double min, double max) {
    int lo = (int) Math.floor(Math.log10(min));
    int hi = Math.max(lo + 1, (int) Math.ceil(Math.log10(max)));
    return new ChartAxis() {
      @Override
      public double fraction(double value) {
        return (Math.log10(value) - lo) / (hi - lo);
      }

      @Override
      public List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        for (int k = lo; k <= hi; k++) {
          t.add(Math.pow(10, k));
        }
        return t;
      }

      @Override
      public List<Double> minorTicks() {
        List<Double> t = new ArrayList<>();
        for (int k = lo; k < hi; k++) {
          for (int m = 2; m <= 9; m++) {
            t.add(m * Math.pow(10, k));
          }
        }
        return t;
      }
    };
  }

  /** A linear axis from 0 to a round number at or above {@code max}, with about 5 ticks. */
  static ChartAxis linear(double max) {
    double step = niceStep(Math.max(max, 1e-9) / 5);
    double top = Math.ceil(max / step) * step;
    return new ChartAxis() {
      @Override
      public double fraction(double value) {
        return value / top;
      }

      @Override
      public List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        for (int i = 0; i * step <= top + step / 2; i++) {
          t.add(i * step);
        }
        return t;
      }

      @Override
      public List<Double> minorTicks() {
        return List.of();
      }
    };
  }

  /** The smallest of 1, 2, 5 × 10^k that is at least {@code raw}. */
  private static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= raw) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
