package dev.tokenrefresh.core.support;

import dev.tokenrefresh.internal.core.breaker.BreakerState;
import dev.tokenrefresh.internal.core.metrics.CoordinatorGauges;
import java.util.function.IntSupplier;

/**
 * Coordinator readings chosen by a test. The in-flight calls are read from {@code inFlight} at each
 * reading, so that a test can change them between two collections; the rest is fixed. Thread-safe
 * if {@code inFlight} is.
 */
public record GaugeReadings(
    IntSupplier inFlight,
    int queuedFlights,
    int activeFlights,
    BreakerState breakerState,
    int trackedSessions,
    int graceEntries,
    boolean idpReady)
    implements CoordinatorGauges {

  @Override
  public int inFlightCalls() {
    return inFlight.getAsInt();
  }
}
