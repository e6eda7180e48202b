package dev.tokenrefresh.internal.core.metrics;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.metrics.RefreshCounts;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * A metrics port that counts the coalescing events itself and passes every event on to another
 * port: the application-wide totals an application can show without a metrics library (the
 * example's page does). Thread-safe; counting is a {@link LongAdder} increment.
 */
public final class RefreshTotals implements RefreshMetrics {

  private final RefreshMetrics next;
  private final LongAdder requests = new LongAdder();
  private final LongAdder coalesced = new LongAdder();
  private final LongAdder graceReplays = new LongAdder();
  private final LongAdder idpCalls = new LongAdder();

  /**
   * @param next the port every event is passed on to
   */
  public RefreshTotals(RefreshMetrics next) {
    this.next = next;
  }

  /** The totals now; each field read on its own (a snapshot taken during a burst may be torn). */
  public RefreshCounts.Snapshot snapshot() {
    return new RefreshCounts.Snapshot(
        requests.sum(), coalesced.sum(), graceReplays.sum(), idpCalls.sum());
  }

  @Override
  public void refreshRequested() {
    requests.increment();
    next.refreshRequested();
  }

  @Override
  public void flightJoined() {
    coalesced.increment();
    next.flightJoined();
  }

  @Override
  public void graceReplayed() {
    graceReplays.increment();
    next.graceReplayed();
  }

  @Override
  public void graceDropped() {
    next.graceDropped();
  }

  @Override
  public void idpCallStarted() {
    idpCalls.increment();
    next.idpCallStarted();
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
  public void retriedNotSent() {
    next.retriedNotSent();
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
  public void cooldownStarted() {
    next.cooldownStarted();
  }

  @Override
  public void attemptUntracked() {
    next.attemptUntracked();
  }

  @Override
  public void memoryPressureEntered() {
    next.memoryPressureEntered();
  }

  @Override
  public void claimLed() {
    next.claimLed();
  }

  @Override
  public void claimFollowed() {
    next.claimFollowed();
  }

  @Override
  public void claimTakenOver() {
    next.claimTakenOver();
  }

  @Override
  public void leaseRenewed() {
    next.leaseRenewed();
  }

  @Override
  public void leaseLost() {
    next.leaseLost();
  }

  @Override
  public void staleCopyCorrected() {
    next.staleCopyCorrected();
  }

  @Override
  public void gridFailed() {
    next.gridFailed();
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
