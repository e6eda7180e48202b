package dev.tokenrefresh.it;

import dev.tokenrefresh.it.support.TestApp;
import java.net.URL;
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
        HealthScenarios,
        ExcludedPathScenarios,
        NimbusOriginScenarios {

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
    refreshOnceToCloseTheBreaker(app(), idp());
  }

  /** No thread or slot leaked by a test: every call and flight it started has ended. */
  @AfterEach
  void leavesNoCallSlotQueuedFlightOrFlight() {
    awaitNoCallFlightOrSuspendedRequestLeft(app());
  }
}
