package dev.tokenrefresh.it;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.REQUESTS;

import dev.tokenrefresh.it.support.Hold;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestApp;
import java.time.Duration;

/**
 * What the scenario interfaces need from the test class: the deployed application and the identity
 * provider. The scenarios are interfaces so that one deployment (one server boot on Payara Micro,
 * whose adapter boots a server per deployment) serves them all while each family keeps a file of
 * its own; {@link TokenRefreshFilterIT} composes them.
 */
public interface RunningApp {

  /** The deployed application. */
  TestApp app();

  /** The identity provider, reset before each test. */
  default MockIdp idp() {
    return MockIdp.shared();
  }

  /**
   * Releases {@code hold} once the server has counted {@code requests} more refresh requests than
   * in {@code before}: they are all waiting for the one held call. When the hold's maximum passes
   * first, releases it all the same and fails, saying how many had arrived.
   */
  default void releaseWhenWaiting(Hold hold, Metrics before, int requests) {
    try {
      Poll.until(
          requests + " refresh requests waiting",
          hold.max(),
          Duration.ofMillis(25),
          () -> app().metrics().counterSince(before, REQUESTS),
          n -> n >= requests);
    } finally {
      hold.release();
    }
  }
}
