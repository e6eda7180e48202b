package dev.tokenrefresh.internal.core.memory;

import dev.tokenrefresh.internal.core.time.IntervalGate;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.Objects;

/**
 * Tells whether the heap is so full that no new identity-provider call should start. Joining a call
 * already in flight stays allowed: it costs almost nothing and frees the waiter soonest.
 *
 * <p>The heap is sampled at most once per {@code sampleInterval}, by whichever caller first finds
 * the last sample too old (an {@link IntervalGate} elects it); every other caller reads the last
 * verdict. Thread-safe.
 */
public final class MemoryGuard {

  /**
   * When the guard refuses new calls.
   *
   * @param enabled whether the guard is on; when off it never reports pressure
   * @param heapFraction the used/max heap fraction at or above which the heap is under pressure
   * @param sampleInterval the least time between two samples
   */
  public record Policy(boolean enabled, double heapFraction, Duration sampleInterval) {}

  private final Policy policy;
  private final IntervalGate sampling;
  private final HeapGauge gauge;
  private final Runnable onPressure;
  private volatile boolean underPressure;

  /**
   * @param policy when to refuse
   * @param gauge reads the heap
   * @param ticker the time source
   * @param onPressure told each time the verdict changes to "under pressure"
   */
  public MemoryGuard(Policy policy, HeapGauge gauge, Ticker ticker, Runnable onPressure) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.gauge = Objects.requireNonNull(gauge, "gauge");
    this.sampling = new IntervalGate(policy.sampleInterval(), ticker);
    this.onPressure = Objects.requireNonNull(onPressure, "onPressure");
  }

  /** Whether new provider calls must be refused now. */
  public boolean underPressure() {
    if (!policy.enabled()) {
      return false;
    }
    if (sampling.tryPass()) {
      boolean pressure = gauge.usedFraction() >= policy.heapFraction();
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
    return sampling.untilNextPass();
  }
}
