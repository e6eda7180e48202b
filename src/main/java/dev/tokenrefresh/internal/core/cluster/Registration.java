package dev.tokenrefresh.internal.core.cluster;

/** A listener registered with the grid; {@link #cancel()} removes it. Thread-safe, idempotent. */
@FunctionalInterface
public interface Registration {

  /** Removes the listener; does nothing when it is already removed. */
  void cancel();
}
