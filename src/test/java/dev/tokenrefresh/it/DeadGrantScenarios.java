package dev.tokenrefresh.it;

import static dev.tokenrefresh.it.support.Outcomes.assertOutcome;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.BREAKER_STATE;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.BREAKER_TRIPS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.FAILURES;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.GRANT_REVOKED;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The provider answers {@code invalid_grant} (here genuinely: the refresh token was already
 * redeemed elsewhere). The grant is dead: the session loses its tokens and the client is told to
 * log in again; the provider is not blamed, so the breaker stays closed.
 */
public interface DeadGrantScenarios extends RunningApp {

  @Test
  default void invalidGrant_answers401AndClearsTheSession_leavingTheBreakerClosed() {
    UserSession session = app().login(idp().deadGrant(), TestApp.EXPIRED);
    Metrics before = app().metrics();

    HttpResponse<String> r = session.get("/echo");

    assertOutcome(r, 401, "session_expired");
    assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    assertThat(session.storedTokens()).isEmpty();
    Echo next = session.echo("/echo");
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.accessToken()).as("no token once the grant is dead").isEmpty();
    Metrics after = app().metrics();
    assertThat(after.counterSince(before, FAILURES, KIND, GRANT_REVOKED)).isEqualTo(1);
    assertThat(after.counterSince(before, FAILURES, KIND, "server_error")).isZero();
    assertThat(after.counterSince(before, BREAKER_TRIPS)).isZero();
    assertThat(after.gauge(BREAKER_STATE)).as("closed").isZero();
  }

  @Test
  default void invalidGrant_onABrowserNavigation_redirectsToTheLoginPage() {
    UserSession session = app().login(idp().deadGrant(), TestApp.EXPIRED);

    HttpResponse<String> r = session.navigate("/echo");

    assertThat(r.statusCode()).isEqualTo(302);
    URI location = app().uri("/echo").resolve(r.headers().firstValue("Location").orElseThrow());
    assertThat(location.getPath()).isEqualTo(app().contextPath() + TestSettings.LOGIN_PATH);
    assertThat(session.storedTokens()).isEmpty();
  }
}
