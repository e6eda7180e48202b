package dev.tokenrefresh.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.internal.jakarta.metrics.NamedMetrics;
import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's metrics endpoint (MicroProfile Metrics on Payara, Micrometer on WildFly) shows the
 * library's meters. The values each scenario implies are asserted in that scenario, as differences
 * between a scrape before and one after.
 */
public interface MetricsScenarios extends RunningApp {

  /**
   * The names a scrape shows once one refresh was made: the eager counters (the list the adapter
   * registers; {@code NamedMetricsTest} pins its contents), gauges and the timer.
   */
  List<String> ALWAYS_PRESENT =
      Stream.concat(
              NamedMetrics.EAGER_COUNTERS.stream(),
              Stream.of(
                  MetricNames.IDP_CALL_DURATION,
                  MetricNames.IN_FLIGHT,
                  MetricNames.QUEUED,
                  MetricNames.ACTIVE_FLIGHTS,
                  MetricNames.BREAKER_STATE,
                  MetricNames.TRACKED_SESSIONS,
                  MetricNames.GRACE_ENTRIES,
                  MetricNames.SUSPENDED))
          .toList();

  /**
   * Whether the server's registry carries descriptions to {@code # HELP}: MicroProfile Metrics on
   * Payara does; WildFly 39's per-deployment Micrometer registry takes names and tags only (see
   * {@code MicrometerMetrics}), so there every family has a {@code # HELP} line, but a blank one.
   */
  boolean DESCRIBED = !"wildfly".equals(System.getProperty("it.container"));

  /** How slow the provider answers the timer test's refresh. */
  Duration SLOW_CALL = Duration.ofMillis(400);

  @Test
  default void metricsEndpoint_showsCountersBeforeTheirFirstEvent_andTheGauges() {
    Metrics m = app().metrics();

    for (String counter : NamedMetrics.EAGER_COUNTERS) {
      assertThat(m.has(counter + "_total")).as(counter).isTrue();
    }
    assertThat(m.counter(MetricNames.REQUESTS)).as("the warm-up refresh").isPositive();
    assertThat(m.gauge(MetricNames.IN_FLIGHT)).isZero();
    assertThat(m.gauge(MetricNames.QUEUED)).isZero();
    assertThat(m.gauge(MetricNames.BREAKER_STATE)).isZero();
    assertThat(m.gauge(MetricNames.TRACKED_SESSIONS)).isPositive();
  }

  /**
   * The call timer is exported in seconds throughout: Payara 6 used to print its mean, max and
   * quantiles in nanoseconds beside a {@code _sum} in seconds (this test failed so: quantiles of
   * 4.4E8 beside a sum of 0.99). One call is made {@link #SLOW_CALL} slow, so the maximum is at
   * least that many seconds and at most the timeout, and no statistic of single calls can exceed
   * the sum of all of them, whatever earlier tests recorded.
   */
  @Test
  default void idpCallDuration_isExportedInSeconds_andEveryMetricHasAHelpText() {
    UserSession session = app().loginExpired();
    idp().answerNextRefreshes(IdpStep.passThrough().after(SLOW_CALL));

    long started = System.nanoTime();
    assertThat(session.get("/echo").statusCode()).isEqualTo(200);
    double observed = (System.nanoTime() - started) / 1e9;
    Metrics m = app().metrics();

    String timer = MetricNames.IDP_CALL_DURATION + "_seconds";
    double sum = m.value(timer + "_sum");
    double max = m.value(timer + "_max");
    assertThat(m.value(timer + "_count")).isPositive();
    // the maximum of the recent window: at least this call, at most the slowest call possible
    assertThat(max)
        .as("the slow call's %.3f s, in seconds", observed)
        .isBetween(SLOW_CALL.toMillis() / 1000.0, TestSettings.TIMEOUT.toSeconds() + 1.0);
    Map<String, Double> statistics = m.samplesStartingWith(timer);
    statistics.keySet().removeIf(n -> n.contains("_count") || n.contains("_bucket"));
    assertThat(statistics)
        .as("mean, max and quantiles in seconds, none above the sum %.3f s", sum)
        .isNotEmpty()
        .allSatisfy((name, seconds) -> assertThat(seconds).as(name).isBetween(0.0, sum + 1e-6));

    Map<String, String> help = m.helpTexts("token_refresh_");
    System.out.printf(
        "[metrics] %s: one call of %.3f s observed; timer %s; %d HELP lines, e.g. %s%n",
        System.getProperty("it.container", "?"),
        observed,
        m.samplesStartingWith(timer),
        help.size(),
        help.entrySet().stream().findFirst().orElse(null));
    if (DESCRIBED) {
      assertThat(help)
          .as("# HELP of every token_refresh_* family")
          .allSatisfy((family, text) -> assertThat(text).as(family).isNotBlank());
    }
    for (String name : ALWAYS_PRESENT) {
      assertThat(help.keySet())
          .as("a # HELP line for %s", name)
          .anyMatch(family -> family.startsWith(name));
    }
  }
}
