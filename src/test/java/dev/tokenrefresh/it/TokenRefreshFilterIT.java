package dev.tokenrefresh.it;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.ACTIVE_FLIGHTS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.IN_FLIGHT;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.QUEUED;

import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The filter in a real server, against a real (mock) identity provider: every scenario family on
 * one deployment. Each test starts with its own session, an identity provider without script and
 * count, and a closed breaker with no fault counted, so that tests do not depend on their order.
 */
class TokenRefreshFilterIT extends ContainerIT
    implements SingleRefreshScenarios,
        RotationGraceScenarios,
        BreakerScenarios,
        DeadGrantScenarios,
        SlowIdpScenarios,
        SuspendedWaitersScenarios,
        RefreshLoopScenarios,
        GarbageResponseScenarios,
        MetricsScenarios,
        BlockingFallbackScenarios,
        HealthScenarios {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return deployment("token-refresh-it.war");
  }

  @ArquillianResource URL base;

  @Override
  public TestApp app() {
    return new TestApp(base);
  }

  /**
   * One refresh that succeeds: it closes a breaker left open or half-open by an earlier test (once
   * its open duration has passed) and clears the count of consecutive faults.
   */
  @BeforeEach
  void startWithAQuietIdpAndAClosedBreaker() {
    idp().reset();
    UserSession warmUp = app().loginExpired();
    Poll.until(
        "a successful refresh",
        TestSettings.BREAKER_OPEN_DURATION.plusSeconds(10),
        Duration.ofMillis(100),
        () -> warmUp.get("/echo").statusCode(),
        status -> status == 200);
    idp().reset();
  }

  /** No thread or slot leaked by a test: every call and flight it started has ended. */
  @AfterEach
  void leavesNoCallSlotQueuedFlightOrFlight() {
    Poll.until(
        "calls, queued and active flights back to 0",
        Duration.ofSeconds(10),
        Duration.ofMillis(100),
        () -> {
          Metrics m = app().metrics();
          return m.gauge(IN_FLIGHT) + m.gauge(QUEUED) + m.gauge(ACTIVE_FLIGHTS);
        },
        n -> n == 0);
  }
}
