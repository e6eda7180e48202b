package dev.tokenrefresh.internal.core.memory;

import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells whether the heap is so full that no new identity-provider call should start. Joining a call
 * already in flight stays allowed: it costs almost nothing and frees the waiter soonest.
 *
 * <p>The heap is sampled at most once per {@code sampleInterval}, by whichever caller first finds
 * the last sample too old (a compare-and-set elects it); every other caller reads the last verdict.
 * Thread-safe.
 */
public final class MemoryGuard {

  private final boolean enabled;
  private final double threshold;
  private final long intervalNanos;
  private final HeapGauge gauge;
  private final Ticker ticker;
  private final Runnable onPressure;
  private final AtomicLong nextSampleAt;
  private volatile boolean underPressure;

  /**
   * @param enabled whether the guard is on; when off it never reports pressure
   * @param threshold the used/max heap fraction at or above which the heap is under pressure
   * @param sampleInterval the least time between two samples
   * @param gauge reads the heap
   * @param ticker the time source
   * @param onPressure told each time the verdict changes to "under pressure"
   */
  public MemoryGuard(
      boolean enabled,
      double threshold,
      Duration sampleInterval,
      HeapGauge gauge,
      Ticker ticker,
      Runnable onPressure) {
    this.enabled = enabled;
    this.threshold = threshold;
    this.intervalNanos = sampleInterval.toNanos();
    this.gauge = Objects.requireNonNull(gauge, "gauge");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.onPressure = Objects.requireNonNull(onPressure, "onPressure");
    this.nextSampleAt = new AtomicLong(ticker.read());
  }

  /** Whether new provider calls must be refused now. */
  public boolean underPressure() {
    if (!enabled) {
      return false;
    }
    long now = ticker.read();
    long due = nextSampleAt.get();
    if (now - due >= 0 && nextSampleAt.compareAndSet(due, now + intervalNanos)) {
      boolean pressure = gauge.usedFraction() >= threshold;
      boolean entered = pressure && !underPressure;
      underPressure = pressure;
      if (entered) {
        onPressure.run();
      }
    }
    return underPressure;
  }

  /** How long until the next sample may change the verdict. */
  public Duration untilNextSample() {
    return Duration.ofNanos(Math.max(0, nextSampleAt.get() - ticker.read()));
  }
}
