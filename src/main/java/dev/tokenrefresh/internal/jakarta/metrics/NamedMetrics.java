package dev.tokenrefresh.internal.jakarta.metrics;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import dev.tokenrefresh.internal.core.metrics.CoordinatorGauges;
import dev.tokenrefresh.internal.core.metrics.LoginOutcome;
import dev.tokenrefresh.internal.core.metrics.RefreshEvent;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.metrics.RefreshTotals;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The metrics port in terms of the documented metric names ({@link MetricNames}), on whichever
 * library a {@link MeterSink} wraps, counting every event in the application's {@link
 * RefreshTotals} too. Thread-safe if the sink is. Public only for {@link #EAGER_COUNTERS}, which
 * the container tests read; instances are made by {@link MetricsSelection}.
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

  /** {@link #counterOf} of every event, built once. */
  private static final Map<RefreshEvent, Consumer<MeterSink>> COUNTERS =
      new EnumMap<>(RefreshEvent.class);

  static {
    for (RefreshEvent event : RefreshEvent.values()) {
      COUNTERS.put(event, counterOf(event));
    }
  }

  private final MeterSink sink;
  private final RefreshTotals totals;

  /** The gauges' sources, held here because Micrometer references them only weakly. */
  private final List<IntSupplier> gaugeSources = new CopyOnWriteArrayList<>();

  /**
   * @param sink the library that records the names
   * @param totals where every event is counted as well, whichever library records it
   */
  NamedMetrics(MeterSink sink, RefreshTotals totals) {
    this.sink = sink;
    this.totals = totals;
    for (String name : EAGER_COUNTERS) {
      sink.register(name);
    }
  }

  @Override
  public void occurred(RefreshEvent event) {
    totals.count(event);
    COUNTERS.get(event).accept(sink);
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
  public void loginCompleted(LoginOutcome outcome) {
    sink.increment(MetricNames.LOGINS, MetricNames.OUTCOME, outcome.tag());
  }

  @Override
  public void backChannelLogout(LoginOutcome outcome) {
    sink.increment(MetricNames.BACK_CHANNEL_LOGOUTS, MetricNames.OUTCOME, outcome.tag());
  }

  @Override
  public void bindGauges(CoordinatorGauges gauges) {
    gauge(MetricNames.IN_FLIGHT, gauges.inFlightCalls());
    gauge(MetricNames.QUEUED, gauges.queuedFlights());
    gauge(MetricNames.ACTIVE_FLIGHTS, gauges.activeFlights());
    gauge(MetricNames.BREAKER_STATE, () -> gauges.breakerState().get().gaugeValue());
    gauge(MetricNames.TRACKED_SESSIONS, gauges.trackedSessions());
    gauge(MetricNames.GRACE_ENTRIES, gauges.graceEntries());
    gauge(MetricNames.IDP_READY, () -> gauges.idpReady().getAsBoolean() ? 1 : 0);
  }

  @Override
  public void bindSuspendedRequests(IntSupplier suspended) {
    gauge(MetricNames.SUSPENDED, suspended);
  }

  /** What each event moves: a counter, for some with a tag. */
  private static Consumer<MeterSink> counterOf(RefreshEvent event) {
    // a switch expression, so that an event without a counter does not compile
    return switch (event) {
      case REFRESH_REQUESTED -> s -> s.increment(MetricNames.REQUESTS);
      case FLIGHT_JOINED -> s -> s.increment(MetricNames.JOINED);
      case GRACE_REPLAYED -> s -> s.increment(MetricNames.GRACE_REPLAYS);
      case GRACE_DROPPED -> s -> s.increment(MetricNames.GRACE_DROPPED);
      case IDP_CALL_STARTED -> s -> s.increment(MetricNames.IDP_CALLS);
      case RETRIED_NOT_SENT -> s -> s.increment(MetricNames.RETRIES);
      case COOLDOWN_STARTED -> s -> s.increment(MetricNames.COOLDOWNS);
      case ATTEMPT_UNTRACKED -> s -> s.increment(MetricNames.UNTRACKED_ATTEMPTS);
      case MEMORY_PRESSURE_ENTERED -> s -> s.increment(MetricNames.MEMORY_PRESSURE);
      case CLAIM_LED -> s -> s.increment(MetricNames.CLUSTER_CLAIMS, MetricNames.ROLE, "led");
      case CLAIM_FOLLOWED ->
          s -> s.increment(MetricNames.CLUSTER_CLAIMS, MetricNames.ROLE, "followed");
      case CLAIM_TAKEN_OVER ->
          s -> s.increment(MetricNames.CLUSTER_CLAIMS, MetricNames.ROLE, "taken_over");
      case LEASE_RENEWED -> s -> s.increment(MetricNames.CLUSTER_LEASE_RENEWALS);
      case LEASE_LOST -> s -> s.increment(MetricNames.CLUSTER_LEASES_LOST);
      case STALE_COPY_CORRECTED -> s -> s.increment(MetricNames.CLUSTER_STALE_CORRECTED);
      case GRID_FAILED -> s -> s.increment(MetricNames.CLUSTER_GRID_FAILURES);
    };
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
