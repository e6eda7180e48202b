package dev.tokenrefresh.internal.core.breaker;

/**
 * Told about each state change of a {@link CircuitBreaker}, after the change took effect and
 * exactly once per change. Implementations must be thread-safe and fast; they run on the thread
 * that made the change.
 */
@FunctionalInterface
public interface BreakerListener {

  /** The breaker moved from {@code from} to {@code to}. */
  void onTransition(BreakerState from, BreakerState to);
}
