package dev.tokenrefresh.internal.core.metrics;

import dev.tokenrefresh.internal.core.breaker.BreakerState;

/** Live readings of the coordinator, for gauges. Every method is cheap and thread-safe. */
public interface CoordinatorGauges {

  /** Identity-provider calls holding a slot now. */
  int inFlightCalls();

  /** New refresh flights waiting for a call slot. */
  int queuedFlights();

  /**
   * Refresh flights not yet completed (running or queued), each joined by any number of callers.
   */
  int activeFlights();

  /** The circuit breaker's state. */
  BreakerState breakerState();

  /** Sessions tracked by the attempt limiter. */
  int trackedSessions();

  /** Rotations remembered by rotation grace. */
  int graceEntries();

  /**
   * Whether the token endpoint is known (configured, or found by discovery); {@code false} while
   * discovery is still being retried.
   */
  default boolean idpReady() {
    return true;
  }
}
