package dev.tokenrefresh.jakarta.metrics;

import dev.tokenrefresh.core.breaker.BreakerState;
import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.metrics.CoordinatorGauges;
import dev.tokenrefresh.core.metrics.RefreshMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The metrics port on Micrometer (WildFly's {@code micrometer} subsystem injects a {@link
 * MeterRegistry}). Meters are registered through the registry's shortcut methods ({@code
 * counter(name, tags)}), not builders: WildFly 39's application registry forwards only the
 * shortcuts to the server registry. Loaded only when Micrometer is present (see {@link
 * MetricsSelection}). Thread-safe: Micrometer meters are.
 */
final class MicrometerMetrics implements RefreshMetrics {

  private final MeterRegistry registry;

  private MicrometerMetrics(MeterRegistry registry) {
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
    Instance<MeterRegistry> registries = beans.select(MeterRegistry.class);
    return registries.isResolvable()
        ? Optional.of(new MicrometerMetrics(registries.get()))
        : Optional.empty();
  }

  @Override
  public void refreshRequested() {
    registry.counter(MetricNames.REQUESTS).increment();
  }

  @Override
  public void flightJoined() {
    registry.counter(MetricNames.JOINED).increment();
  }

  @Override
  public void graceReplayed() {
    registry.counter(MetricNames.GRACE_REPLAYS).increment();
  }

  @Override
  public void graceDropped() {
    registry.counter(MetricNames.GRACE_DROPPED).increment();
  }

  @Override
  public void idpCallStarted() {
    registry.counter(MetricNames.IDP_CALLS).increment();
  }

  @Override
  public void refreshSucceeded(Duration latency) {
    registry.counter(MetricNames.SUCCESSES).increment();
    registry.timer(MetricNames.IDP_CALL_DURATION).record(latency);
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
    registry.counter(MetricNames.RETRIES).increment();
  }

  @Override
  public void rejected(RejectionReason reason) {
    registry.counter(MetricNames.REJECTIONS, MetricNames.REASON, reason.tag()).increment();
  }

  @Override
  public void breakerTransitioned(BreakerState from, BreakerState to) {
    if (to == BreakerState.OPEN) {
      registry.counter(MetricNames.BREAKER_TRIPS).increment();
    }
  }

  @Override
  public void cooldownStarted() {
    registry.counter(MetricNames.COOLDOWNS).increment();
  }

  @Override
  public void memoryPressureEntered() {
    registry.counter(MetricNames.MEMORY_PRESSURE).increment();
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
    registry.counter(MetricNames.FAILURES, MetricNames.KIND, kind).increment();
    registry.timer(MetricNames.IDP_CALL_DURATION).record(latency);
  }

  private void gauge(String name, CoordinatorGauges gauges, ToIntFunction<CoordinatorGauges> f) {
    registry.gauge(name, Tags.empty(), gauges, g -> f.applyAsInt(g));
  }
}
