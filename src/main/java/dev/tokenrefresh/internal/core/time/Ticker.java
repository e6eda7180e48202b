package dev.tokenrefresh.internal.core.time;

/**
 * A source of monotonic nanoseconds, injected wherever the core measures time (Caffeine's {@code
 * Ticker}). Only {@link #system()} touches {@link System#nanoTime()}; tests move time with a fake.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Ticker {

  /**
   * Returns the current reading in nanoseconds; only differences between readings are meaningful.
   */
  long read();

  /** The ticker backed by {@link System#nanoTime()}. */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}
