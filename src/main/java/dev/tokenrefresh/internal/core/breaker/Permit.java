package dev.tokenrefresh.internal.core.breaker;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The breaker's admission of one provider call. It records at most one outcome, however many
 * callers wait on the call; the first of {@code onSuccess}, {@code onFault} or {@code release}
 * wins. Thread-safe.
 */
public final class Permit {

  private final long epoch;
  private final boolean probe;
  private final AtomicBoolean settled = new AtomicBoolean();

  Permit(long epoch, boolean probe) {
    this.epoch = epoch;
    this.probe = probe;
  }

  long epoch() {
    return epoch;
  }

  /** Whether this permit is one of the half-open probes. */
  public boolean probe() {
    return probe;
  }

  boolean settle() {
    return settled.compareAndSet(false, true);
  }

  @Override
  public String toString() {
    return "Permit[epoch=" + epoch + ", probe=" + probe + ", settled=" + settled.get() + "]";
  }
}
