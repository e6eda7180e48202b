package dev.tokenrefresh.core.support;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import dev.tokenrefresh.internal.core.metrics.CoordinatorGauges;
import dev.tokenrefresh.internal.core.metrics.LoginOutcome;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts every metrics event by name (e.g. {@code "rejected.cooldown"}). Thread-safe. */
public final class CountingMetrics implements RefreshMetrics {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile CoordinatorGauges gauges;

  /** The count of one event. */
  public long count(String event) {
    LongAdder adder = counts.get(event);
    return adder == null ? 0 : adder.sum();
  }

  /** The gauges bound by the coordinator. */
  public CoordinatorGauges gauges() {
    return gauges;
  }

  private void inc(String event) {
    counts.computeIfAbsent(event, k -> new LongAdder()).increment();
  }

  @Override
  public void refreshRequested() {
    inc("requested");
  }

  @Override
  public void flightJoined() {
    inc("joined");
  }

  @Override
  public void graceReplayed() {
    inc("grace");
  }

  @Override
  public void graceDropped() {
    inc("grace.dropped");
  }

  @Override
  public void idpCallStarted() {
    inc("calls");
  }

  @Override
  public void refreshSucceeded(Duration latency) {
    inc("succeeded");
  }

  @Override
  public void grantRevoked(Duration latency) {
    inc("revoked");
  }

  @Override
  public void idpFaulted(FaultKind kind, Duration latency) {
    inc("fault." + kind.tag());
  }

  @Override
  public void retriedNotSent() {
    inc("retried");
  }

  @Override
  public void rejected(RejectionReason reason) {
    inc("rejected." + reason.tag());
  }

  @Override
  public void breakerTransitioned(BreakerState from, BreakerState to) {
    inc("breaker." + to.name().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public void cooldownStarted() {
    inc("cooldown");
  }

  @Override
  public void attemptUntracked() {
    inc("untracked");
  }

  @Override
  public void memoryPressureEntered() {
    inc("memory");
  }

  @Override
  public void claimLed() {
    inc("claim.led");
  }

  @Override
  public void claimFollowed() {
    inc("claim.followed");
  }

  @Override
  public void claimTakenOver() {
    inc("claim.taken_over");
  }

  @Override
  public void leaseRenewed() {
    inc("lease.renewed");
  }

  @Override
  public void leaseLost() {
    inc("lease.lost");
  }

  @Override
  public void staleCopyCorrected() {
    inc("stale.corrected");
  }

  @Override
  public void gridFailed() {
    inc("grid.failed");
  }

  @Override
  public void bindGauges(CoordinatorGauges bound) {
    this.gauges = bound;
  }

  @Override
  public void loginCompleted(LoginOutcome outcome) {
    inc("login." + outcome.tag());
  }

  @Override
  public void backChannelLogout(LoginOutcome outcome) {
    inc("backChannelLogout." + outcome.tag());
  }
}
