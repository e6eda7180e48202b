package dev.tokenrefresh.core.support;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import dev.tokenrefresh.internal.core.metrics.CoordinatorGauges;
import dev.tokenrefresh.internal.core.metrics.LoginOutcome;
import dev.tokenrefresh.internal.core.metrics.RefreshEvent;
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
  public void occurred(RefreshEvent event) {
    inc(name(event));
  }

  /** The name each event is counted under. */
  private static String name(RefreshEvent event) {
    return switch (event) {
      case REFRESH_REQUESTED -> "requested";
      case FLIGHT_JOINED -> "joined";
      case GRACE_REPLAYED -> "grace";
      case GRACE_DROPPED -> "grace.dropped";
      case IDP_CALL_STARTED -> "calls";
      case RETRIED_NOT_SENT -> "retried";
      case COOLDOWN_STARTED -> "cooldown";
      case ATTEMPT_UNTRACKED -> "untracked";
      case MEMORY_PRESSURE_ENTERED -> "memory";
      case CLAIM_LED -> "claim.led";
      case CLAIM_FOLLOWED -> "claim.followed";
      case CLAIM_TAKEN_OVER -> "claim.taken_over";
      case LEASE_RENEWED -> "lease.renewed";
      case LEASE_LOST -> "lease.lost";
      case STALE_COPY_CORRECTED -> "stale.corrected";
      case GRID_FAILED -> "grid.failed";
    };
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
  public void rejected(RejectionReason reason) {
    inc("rejected." + reason.tag());
  }

  @Override
  public void breakerTransitioned(BreakerState from, BreakerState to) {
    inc("breaker." + to.name().toLowerCase(java.util.Locale.ROOT));
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
