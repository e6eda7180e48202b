package dev.tokenrefresh.internal.core.metrics;

import dev.tokenrefresh.internal.core.breaker.BreakerState;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Live readings of the coordinator, for gauges and the readiness report: each a supplier, read
 * again at every scrape. Every supplier is cheap and thread-safe.
 *
 * @param inFlightCalls identity-provider calls holding a slot now
 * @param queuedFlights new refresh flights waiting for a call slot
 * @param activeFlights refresh flights not yet completed (running or queued), each joined by any
 *     number of callers
 * @param breakerState the circuit breaker's state
 * @param trackedSessions sessions tracked by the attempt limiter
 * @param graceEntries rotations remembered by rotation grace
 * @param idpReady whether the token endpoint is known (configured, or found by discovery); {@code
 *     false} while discovery is still being retried
 */
public record CoordinatorGauges(
    IntSupplier inFlightCalls,
    IntSupplier queuedFlights,
    IntSupplier activeFlights,
    Supplier<BreakerState> breakerState,
    IntSupplier trackedSessions,
    IntSupplier graceEntries,
    BooleanSupplier idpReady) {}
