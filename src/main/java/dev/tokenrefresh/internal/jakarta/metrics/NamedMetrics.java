package dev.tokenrefresh.internal.jakarta.metrics;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import dev.tokenrefresh.internal.core.metrics.CoordinatorGauges;
import dev.tokenrefresh.internal.core.metrics.LoginOutcome;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * The metrics port in terms of the documented metric names ({@link MetricNames}), on whichever
 * library a {@link MeterSink} wraps. Thread-safe if the sink is. Public only for {@link
 * #EAGER_COUNTERS}, which the container tests read; instances are made by {@link MetricsSelection}.
 */
public final class NamedMetrics implements RefreshMetrics {

  /** Counters registered at start, so that a scrape shows them as 0 before their first event. */
  public static final List<String> EAGER_COUNTERS =
      List.of(
          MetricNames.REQUESTS,
          MetricNames.JOINED,
          MetricNames.GRACE_REPLAYS,
          MetricNames.IDP_CALLS,
          MetricNames.SUCCESSES,
          MetricNames.BREAKER_TRIPS,
          MetricNames.COOLDOWNS,
          MetricNames.MEMORY_PRESSURE);

  private final MeterSink sink;

  /** The gauges' sources, held here because Micrometer references them only weakly. */
  private final List<IntSupplier> gaugeSources = new CopyOnWriteArrayList<>();

  NamedMetrics(MeterSink sink) {
    this.sink = sink;
    for (String name : EAGER_COUNTERS) {
      sink.register(name);
    }
  }

  @Override
  public void refreshRequested() {
    sink.increment(MetricNames.REQUESTS);
  }

  @Override
  public void flightJoined() {
    sink.increment(MetricNames.JOINED);
  }

  @Override
  public void graceReplayed() {
    sink.increment(MetricNames.GRACE_REPLAYS);
  }

  @Override
  public void graceDropped() {
    sink.increment(MetricNames.GRACE_DROPPED);
  }

  @Override
  public void idpCallStarted() {
    sink.increment(MetricNames.IDP_CALLS);
  }

  @Override
  public void refreshSucceeded(Duration latency) {
    sink.increment(MetricNames.SUCCESSES);
    sink.record(MetricNames.IDP_CALL_DURATION, latency);
  }

  @Override
  public void grantRevoked(Duration latency) {
    failure(MetricNames.GRANT_REVOKED, latency);
  }

  @Override
  public void idpFaulted(FaultKind kind, Duration latency) {
    failure(kind.tag(), latency);
  }

  @Override
  public void retriedNotSent() {
    sink.increment(MetricNames.RETRIES);
  }

  @Override
  public void rejected(RejectionReason reason) {
    sink.increment(MetricNames.REJECTIONS, MetricNames.REASON, reason.tag());
  }

  @Override
  public void breakerTransitioned(BreakerState from, BreakerState to) {
    if (to == BreakerState.OPEN) {
      sink.increment(MetricNames.BREAKER_TRIPS);
    }
  }

  @Override
  public void cooldownStarted() {
    sink.increment(MetricNames.COOLDOWNS);
  }

  @Override
  public void attemptUntracked() {
    sink.increment(MetricNames.UNTRACKED_ATTEMPTS);
  }

  @Override
  public void memoryPressureEntered() {
    sink.increment(MetricNames.MEMORY_PRESSURE);
  }

  @Override
  public void claimLed() {
    sink.increment(MetricNames.CLUSTER_CLAIMS, MetricNames.ROLE, "led");
  }

  @Override
  public void claimFollowed() {
    sink.increment(MetricNames.CLUSTER_CLAIMS, MetricNames.ROLE, "followed");
  }

  @Override
  public void claimTakenOver() {
    sink.increment(MetricNames.CLUSTER_CLAIMS, MetricNames.ROLE, "taken_over");
  }

  @Override
  public void leaseRenewed() {
    sink.increment(MetricNames.CLUSTER_LEASE_RENEWALS);
  }

  @Override
  public void leaseLost() {
    sink.increment(MetricNames.CLUSTER_LEASES_LOST);
  }

  @Override
  public void staleCopyCorrected() {
    sink.increment(MetricNames.CLUSTER_STALE_CORRECTED);
  }

  @Override
  public void gridFailed() {
    sink.increment(MetricNames.CLUSTER_GRID_FAILURES);
  }

  @Override
  public void loginCompleted(LoginOutcome outcome) {
    sink.increment(MetricNames.LOGINS, MetricNames.OUTCOME, outcome.tag());
  }

  @Override
  public void backChannelLogout(LoginOutcome outcome) {
    sink.increment(MetricNames.BACK_CHANNEL_LOGOUTS, MetricNames.OUTCOME, outcome.tag());
  }

  @Override
  public void bindGauges(CoordinatorGauges gauges) {
    gauge(MetricNames.IN_FLIGHT, gauges::inFlightCalls);
    gauge(MetricNames.QUEUED, gauges::queuedFlights);
    gauge(MetricNames.ACTIVE_FLIGHTS, gauges::activeFlights);
    gauge(MetricNames.BREAKER_STATE, () -> gauges.breakerState().gaugeValue());
    gauge(MetricNames.TRACKED_SESSIONS, gauges::trackedSessions);
    gauge(MetricNames.GRACE_ENTRIES, gauges::graceEntries);
    gauge(MetricNames.IDP_READY, () -> gauges.idpReady() ? 1 : 0);
  }

  @Override
  public void bindSuspendedRequests(IntSupplier suspended) {
    gauge(MetricNames.SUSPENDED, suspended);
  }

  private void gauge(String name, IntSupplier source) {
    gaugeSources.add(source);
    sink.gauge(name, source);
  }

  private void failure(String kind, Duration latency) {
    sink.increment(MetricNames.FAILURES, MetricNames.KIND, kind);
    sink.record(MetricNames.IDP_CALL_DURATION, latency);
  }
}
