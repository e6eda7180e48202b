package dev.tokenrefresh.internal.core.bulkhead;

import java.util.concurrent.atomic.AtomicBoolean;

/** One of the {@link ConcurrencyLimit}'s call slots. Released at most once. Thread-safe. */
public final class Slot {

  private final ConcurrencyLimit limit;
  private final AtomicBoolean released = new AtomicBoolean();

  Slot(ConcurrencyLimit limit) {
    this.limit = limit;
  }

  /** Gives the slot back (to the oldest waiter, if any); idempotent. */
  public void release() {
    if (released.compareAndSet(false, true)) {
      limit.release();
    }
  }
}
