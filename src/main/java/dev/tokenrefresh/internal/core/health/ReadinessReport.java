package dev.tokenrefresh.internal.core.health;

import dev.tokenrefresh.internal.core.breaker.BreakerState;
import dev.tokenrefresh.internal.core.metrics.CoordinatorGauges;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading of the module's readiness: whether this node should receive traffic, and the figures
 * an operator reads beside the verdict. Immutable.
 *
 * <p>The verdict is deliberately lenient: an open breaker means the identity provider is failing,
 * not this node, and requests with a valid access token still work; taking every node out of the
 * load balancer for it would turn an IdP blip into a full outage. So an open breaker is UP unless
 * {@code breakerOpenIsDown} says otherwise. A provider not yet reached (discovery pending at start)
 * is DOWN: no refresh can succeed on this node.
 *
 * @param up the verdict
 * @param breaker the circuit breaker's state
 * @param inFlightCalls IdP calls running now
 * @param queuedFlights flights waiting for a call slot
 * @param trackedSessions sessions tracked by the attempt limiter
 * @param sinceLastSuccess time since the IdP last returned tokens, empty if never since start
 * @param providerReady whether the provider's endpoints are known (discovery done)
 * @param extra further figures from other parts (e.g. the cluster adapter), in order
 */
public record ReadinessReport(
    boolean up,
    BreakerState breaker,
    int inFlightCalls,
    int queuedFlights,
    int trackedSessions,
    Optional<Duration> sinceLastSuccess,
    boolean providerReady,
    Map<String, String> extra) {

  /** Requires every part; copies {@code extra}. */
  public ReadinessReport {
    Objects.requireNonNull(breaker, "breaker");
    Objects.requireNonNull(sinceLastSuccess, "sinceLastSuccess");
    extra = Map.copyOf(extra);
  }

  /**
   * Reads the gauges and decides.
   *
   * @param gauges the coordinator's live readings
   * @param lastSuccess when the IdP last answered with tokens
   * @param providerReady whether the provider's endpoints are known
   * @param breakerOpenIsDown whether an open breaker makes this node not ready
   * @param extra further figures to report, e.g. the cluster adapter's state
   */
  public static ReadinessReport assess(
      CoordinatorGauges gauges,
      LastSuccess lastSuccess,
      boolean providerReady,
      boolean breakerOpenIsDown,
      Map<String, String> extra) {
    BreakerState breaker = gauges.breakerState().get();
    boolean up = providerReady && !(breakerOpenIsDown && breaker == BreakerState.OPEN);
    return new ReadinessReport(
        up,
        breaker,
        gauges.inFlightCalls().getAsInt(),
        gauges.queuedFlights().getAsInt(),
        gauges.trackedSessions().getAsInt(),
        lastSuccess.elapsed(),
        providerReady,
        extra);
  }

  /**
   * The figures as the health endpoint shows them, in a fixed order; the time since the last
   * success in whole milliseconds, {@code -1} when there was none.
   */
  public Map<String, Object> data() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("breaker", breaker.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    data.put("inFlightCalls", (long) inFlightCalls);
    data.put("queuedFlights", (long) queuedFlights);
    data.put("trackedSessions", (long) trackedSessions);
    data.put("msSinceLastSuccess", sinceLastSuccess.map(Duration::toMillis).orElse(-1L));
    data.put("providerReady", providerReady);
    data.putAll(extra);
    return data;
  }
}
