package dev.tokenrefresh.internal.core.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one caller through per interval: the first to find the interval over wins a compare-and-set,
 * every other caller is turned away at once. Bounds work that must not run on every request, such
 * as purging a full table. Thread-safe.
 */
public final class IntervalGate {

  private final long intervalNanos;
  private final Ticker ticker;

  /** When the next caller may pass; written only by a successful compare-and-set. */
  private final AtomicLong nextAt;

  /**
   * @param interval the least time between two callers let through
   * @param ticker the time source
   */
  public IntervalGate(Duration interval, Ticker ticker) {
    this.intervalNanos = interval.toNanos();
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.nextAt = new AtomicLong(ticker.read());
  }

  /** {@code true} for at most one caller per interval (the first one is let through at once). */
  public boolean tryPass() {
    long now = ticker.read();
    long due = nextAt.get();
    return now - due >= 0 && nextAt.compareAndSet(due, now + intervalNanos);
  }

  /** How long until the next caller may pass; zero when one may pass now. */
  public Duration untilNextPass() {
    return Duration.ofNanos(Math.max(0, nextAt.get() - ticker.read()));
  }
}
