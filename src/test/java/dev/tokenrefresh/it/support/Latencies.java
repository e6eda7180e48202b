package dev.tokenrefresh.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Response times of a series of requests, with nearest-rank percentiles. Not thread-safe (one test
 * uses it).
 */
public final class Latencies {

  private final List<Duration> measured = new ArrayList<>();

  /** Times {@code request} and returns its answer. */
  public <T> T time(Supplier<T> request) {
    long started = System.nanoTime();
    T answer = request.get();
    measured.add(Duration.ofNanos(System.nanoTime() - started));
    return answer;
  }

  /** How many requests were timed. */
  public int count() {
    return measured.size();
  }

  /** The {@code p}-th percentile, nearest rank ({@code p} in (0, 100]). */
  public Duration percentile(double p) {
    if (measured.isEmpty()) {
      throw new IllegalStateException("nothing measured");
    }
    List<Duration> sorted = new ArrayList<>(measured);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** {@code p50=.. p99=.. max=..} in milliseconds with one decimal. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "p50=%.1f ms p99=%.1f ms max=%.1f ms",
        millis(percentile(50)),
        millis(percentile(99)),
        millis(percentile(100)));
  }

  /** {@code d} in milliseconds, with fractions. */
  public static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }
}
