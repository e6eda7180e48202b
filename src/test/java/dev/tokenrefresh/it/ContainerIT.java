package dev.tokenrefresh.it;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.ACTIVE_FLIGHTS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.IN_FLIGHT;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.QUEUED;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.SUSPENDED;

import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.TestDeployment;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the container tests (after OmniFaces' {@code OmniFacesIT}): Arquillian runs each subclass
 * against the server of the failsafe execution (Payara Micro or WildFly, chosen by the {@code
 * arquillian.xml} property), with a deployment built by {@link #deployment}. Every test is a
 * client: it talks HTTP to the server, as a browser or an API client would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ContainerIT {

  /** The test WAR with the test configuration. */
  protected static WebArchive deployment(String warName) {
    return deployment(warName, Map.of());
  }

  /** The test WAR with some configuration keys added or replaced. */
  protected static WebArchive deployment(String warName, Map<String, String> overrides) {
    return TestDeployment.create(warName, overrides);
  }

  /**
   * One refresh that succeeds, then a provider without script or count: it closes a breaker left
   * open or half-open by an earlier test (once its open duration has passed) and clears the count
   * of consecutive faults, so that tests do not depend on their order.
   */
  protected static void refreshOnceToCloseTheBreaker(TestApp app, MockIdp idp) {
    idp.reset();
    UserSession warmUp = app.loginExpired();
    awaitEchoAnswered200("a successful refresh", warmUp, Duration.ofMillis(100));
    idp.reset();
  }

  /**
   * Asks {@code session}'s {@code /echo} every {@code every} until it is answered 200, for at most
   * the breaker's open duration plus 10 s: a breaker left open lets no refresh through before that.
   */
  protected static void awaitEchoAnswered200(String what, UserSession session, Duration every) {
    Poll.until(
        what,
        TestSettings.BREAKER_OPEN_DURATION.plusSeconds(10),
        every,
        () -> session.get("/echo").statusCode(),
        status -> status == 200);
  }

  /**
   * No thread or slot leaked by a test: every call and flight it started has ended and no request
   * is still suspended.
   */
  protected static void awaitNoCallFlightOrSuspendedRequestLeft(TestApp app) {
    Poll.until(
        "calls, queued and active flights and suspended requests back to 0",
        Duration.ofSeconds(10),
        Duration.ofMillis(100),
        () -> {
          Metrics m = app.metrics();
          return m.gauge(IN_FLIGHT)
              + m.gauge(QUEUED)
              + m.gauge(ACTIVE_FLIGHTS)
              + m.gauge(SUSPENDED);
        },
        n -> n == 0);
  }
}
