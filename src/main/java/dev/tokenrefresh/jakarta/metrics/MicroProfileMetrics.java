package dev.tokenrefresh.jakarta.metrics;

import dev.tokenrefresh.core.breaker.BreakerState;
import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.metrics.CoordinatorGauges;
import dev.tokenrefresh.core.metrics.RefreshMetrics;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The metrics port on MicroProfile Metrics (application registry). Loaded only when its API is
 * present (see {@link MetricsSelection}). Thread-safe: MicroProfile metrics are.
 */
final class MicroProfileMetrics implements RefreshMetrics {

  private final MetricRegistry registry;

  private MicroProfileMetrics(MetricRegistry registry) {
    this.registry = registry;
    for (String name :
        new String[] {
          MetricNames.REQUESTS,
          MetricNames.JOINED,
          MetricNames.GRACE_REPLAYS,
          MetricNames.IDP_CALLS,
          MetricNames.SUCCESSES,
          MetricNames.BREAKER_TRIPS,
          MetricNames.COOLDOWNS,
          MetricNames.MEMORY_PRESSURE
        }) {
      registry.counter(name); // registered eagerly so that they read 0 before the first event
    }
  }

  /**
   * The adapter on the registry that {@code beans} resolves, if any (see {@link MetricsSelection}).
   */
  static Optional<RefreshMetrics> from(Instance<Object> beans) {
    Instance<MetricRegistry> registries = beans.select(MetricRegistry.class);
    return registries.isResolvable()
        ? Optional.of(new MicroProfileMetrics(registries.get()))
        : Optional.empty();
  }

  @Override
  public void refreshRequested() {
    registry.counter(MetricNames.REQUESTS).inc();
  }

  @Override
  public void flightJoined() {
    registry.counter(MetricNames.JOINED).inc();
  }

  @Override
  public void graceReplayed() {
    registry.counter(MetricNames.GRACE_REPLAYS).inc();
  }

  @Override
  public void graceDropped() {
    registry.counter(MetricNames.GRACE_DROPPED).inc();
  }

  @Override
  public void idpCallStarted() {
    registry.counter(MetricNames.IDP_CALLS).inc();
  }

  @Override
  public void refreshSucceeded(Duration latency) {
    registry.counter(MetricNames.SUCCESSES).inc();
    registry.timer(MetricNames.IDP_CALL_DURATION).update(latency);
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
    registry.counter(MetricNames.RETRIES).inc();
  }

  @Override
  public void rejected(RejectionReason reason) {
    registry.counter(MetricNames.REJECTIONS, new Tag(MetricNames.REASON, reason.tag())).inc();
  }

  @Override
  public void breakerTransitioned(BreakerState from, BreakerState to) {
    if (to == BreakerState.OPEN) {
      registry.counter(MetricNames.BREAKER_TRIPS).inc();
    }
  }

  @Override
  public void cooldownStarted() {
    registry.counter(MetricNames.COOLDOWNS).inc();
  }

  @Override
  public void memoryPressureEntered() {
    registry.counter(MetricNames.MEMORY_PRESSURE).inc();
  }

  @Override
  public void bindGauges(CoordinatorGauges gauges) {
    gauge(MetricNames.IN_FLIGHT, gauges, CoordinatorGauges::inFlightCalls);
    gauge(MetricNames.QUEUED, gauges, CoordinatorGauges::queuedFlights);
    gauge(MetricNames.ACTIVE_FLIGHTS, gauges, CoordinatorGauges::activeFlights);
    gauge(MetricNames.BREAKER_STATE, gauges, g -> g.breakerState().gaugeValue());
    gauge(MetricNames.TRACKED_SESSIONS, gauges, CoordinatorGauges::trackedSessions);
    gauge(MetricNames.GRACE_ENTRIES, gauges, CoordinatorGauges::graceEntries);
  }

  private void failure(String kind, Duration latency) {
    registry.counter(MetricNames.FAILURES, new Tag(MetricNames.KIND, kind)).inc();
    registry.timer(MetricNames.IDP_CALL_DURATION).update(latency);
  }

  private void gauge(String name, CoordinatorGauges gauges, ToIntFunction<CoordinatorGauges> f) {
    registry.gauge(name, gauges, g -> f.applyAsInt(g));
  }
}
