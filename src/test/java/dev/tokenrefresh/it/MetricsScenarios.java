package dev.tokenrefresh.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8: the server's metrics endpoint (MicroProfile Metrics on Payara, Micrometer on WildFly)
 * shows the library's meters. The values each scenario implies are asserted in that scenario, as
 * differences between a scrape before and one after.
 */
public interface MetricsScenarios extends RunningApp {

  @Test
  default void metricsEndpoint_showsCountersBeforeTheirFirstEvent_andTheGauges() {
    Metrics m = app().metrics();

    for (String counter :
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
      assertThat(m.has(counter + "_total")).as(counter).isTrue();
    }
    assertThat(m.counter(MetricNames.REQUESTS)).as("the warm-up refresh").isPositive();
    assertThat(m.gauge(MetricNames.IN_FLIGHT)).isZero();
    assertThat(m.gauge(MetricNames.QUEUED)).isZero();
    assertThat(m.gauge(MetricNames.BREAKER_STATE)).isZero();
    assertThat(m.gauge(MetricNames.TRACKED_SESSIONS)).isPositive();
  }
}
