package dev.tokenrefresh.internal.core.metrics;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.FLIGHT_JOINED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.GRACE_REPLAYED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.IDP_CALL_STARTED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.REFRESH_REQUESTED;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.metrics.RefreshCounts;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * A metrics port that counts the events itself and passes every event on to another port: the
 * application-wide totals an application can show without a metrics library (the example's page
 * does). Thread-safe; counting is a {@link LongAdder} increment.
 */
public final class RefreshTotals implements RefreshMetrics {

  private final RefreshMetrics next;

  /** One adder per event, all put in by the constructor: only read (and incremented) after it. */
  private final Map<RefreshEvent, LongAdder> totals = new EnumMap<>(RefreshEvent.class);

  /**
   * @param next the port every event is passed on to
   */
  public RefreshTotals(RefreshMetrics next) {
    this.next = next;
    for (RefreshEvent event : RefreshEvent.values()) {
      totals.put(event, new LongAdder());
    }
  }

  /** The totals now; each field read on its own (a snapshot taken during a burst may be torn). */
  public RefreshCounts.Snapshot snapshot() {
    return new RefreshCounts.Snapshot(
        total(REFRESH_REQUESTED),
        total(FLIGHT_JOINED),
        total(GRACE_REPLAYED),
        total(IDP_CALL_STARTED));
  }

  private long total(RefreshEvent event) {
    return totals.get(event).sum();
  }

  @Override
  public void occurred(RefreshEvent event) {
    totals.get(event).increment();
    next.occurred(event);
  }

  @Override
  public void refreshSucceeded(Duration latency) {
    next.refreshSucceeded(latency);
  }

  @Override
  public void grantRevoked(Duration latency) {
    next.grantRevoked(latency);
  }

  @Override
  public void idpFaulted(FaultKind kind, Duration latency) {
    next.idpFaulted(kind, latency);
  }

  @Override
  public void rejected(RejectionReason reason) {
    next.rejected(reason);
  }

  @Override
  public void breakerTransitioned(BreakerState from, BreakerState to) {
    next.breakerTransitioned(from, to);
  }

  @Override
  public void loginCompleted(LoginOutcome outcome) {
    next.loginCompleted(outcome);
  }

  @Override
  public void backChannelLogout(LoginOutcome outcome) {
    next.backChannelLogout(outcome);
  }

  @Override
  public void bindGauges(CoordinatorGauges gauges) {
    next.bindGauges(gauges);
  }

  @Override
  public void bindSuspendedRequests(IntSupplier suspended) {
    next.bindSuspendedRequests(suspended);
  }
}
