package dev.tokenrefresh.bench.throughput;

import java.util.Arrays;

/** Median, minimum and maximum of a sample, NaN for an empty one. Stateless. */
final class Stats {

  /** Two values of one round made into one (a ratio, a difference). */
  @FunctionalInterface
  interface Combine {
    double apply(double a, double b);
  }

  private Stats() {}

  static double median(double[] xs) {
    if (xs.length == 0) {
      return Double.NaN;
    }
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static double min(double[] xs) {
    return Arrays.stream(xs).min().orElse(Double.NaN);
  }

  static double max(double[] xs) {
    return Arrays.stream(xs).max().orElse(Double.NaN);
  }
}
