package dev.tokenrefresh.it;

import static dev.tokenrefresh.it.support.Outcomes.assertOutcome;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.BREAKER_STATE;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.FAILURES;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.GRANT_REVOKED;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.KIND;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.RETRIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.FaultGateway;
import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.Outcomes;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix (docs/faults.md): each way an identity provider can fail, on one deployment
 * whose token endpoint is reached through a {@link FaultGateway} (so that the provider can also be
 * down). Every row checks the documented answer and metric, whether the fault counts toward the
 * breaker, whether the session keeps its tokens, and that no call slot, queued flight or flight is
 * left behind.
 *
 * <p>Each row first makes {@code failure-threshold - 1} calls fail with a 503 (which counts), then
 * makes its fault: the breaker is open afterwards exactly when the row's fault counted too, which a
 * second session sees as {@code circuit_open} (or, when it did not count, as a refresh).
 */
class FaultMatrixIT extends ContainerIT implements RunningApp {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return deployment(
        "token-refresh-faults.war",
        Map.of(
            "token-refresh.oidc.token-endpoint", FaultGateway.shared().tokenEndpoint().toString()));
  }

  @ArquillianResource URL base;

  @Override
  public TestApp app() {
    return new TestApp(base);
  }

  /** A successful refresh first: it closes the breaker a previous row left open. */
  @BeforeEach
  void startWithAClosedBreaker() {
    FaultGateway.shared().up();
    refreshOnceToCloseTheBreaker(app(), idp());
  }

  /** No thread or slot leaked: every call and flight of the row has ended. */
  @AfterEach
  void leavesNoCallSlotQueuedFlightOrFlight() {
    FaultGateway.shared().up();
    awaitNoCallFlightOrSuspendedRequestLeft(app());
  }

  @Test
  void idpDown_connectionRefused_is503_retriedOnce_andCounts() {
    Row row = row("io", 503, "idp_unavailable", true);
    Metrics before = app().metrics();

    row.run(FaultGateway.shared()::down);

    assertThat(app().metrics().counterSince(before, RETRIES))
        .as("retried: never sent")
        .isEqualTo(1);
  }

  @Test
  void idpSlowerThanTheReadTimeout_is503_andCounts() {
    // the HTTP read timeout (io) ends the call first; the coordinator's timeout is the backstop
    row("io|timeout", 503, "idp_unavailable|idp_timeout", true)
        .step(IdpReplies.freshTokens().after(TestSettings.READ_TIMEOUT.plusSeconds(2)));
  }

  @Test
  void idp500WithoutRetryAfter_is503WithOurRetryAfter_andCounts() {
    row("server_error", 503, "idp_unavailable", true).step(IdpReplies.serverError());
  }

  @Test
  void idp503WithRetryAfter_is503WithOurRetryAfter_notTheProviders_andCounts() {
    row("server_error", 503, "idp_unavailable", true).step(IdpReplies.unavailableRetryAfter());
  }

  @Test
  void idpTemporarilyUnavailable_is503_andCounts() {
    row("temporarily_unavailable", 503, "idp_unavailable", true)
        .step(IdpReplies.temporarilyUnavailable());
  }

  @Test
  void idpGarbage200_is503_andCounts() {
    row("malformed_response", 503, "idp_unavailable", true).step(IdpReplies.garbage());
  }

  @Test
  void idpHtml200_is503_andCounts() {
    row("malformed_response", 503, "idp_unavailable", true).step(IdpReplies.notJson());
  }

  @Test
  void idpRedirect302_isNotFollowed_is503_andCounts() {
    row("malformed_response", 503, "idp_unavailable", true)
        .step(IdpReplies.redirectTo(FaultGateway.shared().tokenEndpoint().toString()));
  }

  @Test
  void invalidGrant_is401_clearsTheSession_andDoesNotCount() {
    row(GRANT_REVOKED, 401, "session_expired", false).step(IdpReplies.invalidGrant());
  }

  @Test
  void invalidClient_is503ClientRejected_keepsTheSession_andCounts() {
    row("client_rejected", 503, "client_rejected", true).step(IdpReplies.invalidClient());
  }

  private Row row(String kind, int status, String error, boolean counts) {
    return new Row(kind, status, error, counts);
  }

  /** One row of the matrix: its expected metric kind, answer, and breaker effect. */
  private final class Row {

    private final String kind;
    private final int status;
    private final String error;
    private final boolean counts;

    Row(String kind, int status, String error, boolean counts) {
      this.kind = kind;
      this.status = status;
      this.error = error;
      this.counts = counts;
    }

    void step(IdpStep fault) {
      run(() -> idp().answerNextRefreshes(fault));
    }

    void run(Runnable fault) {
      UserSession session = app().loginExpired();
      int faultsBefore = TestSettings.BREAKER_FAILURE_THRESHOLD - 1;
      for (int i = 0; i < faultsBefore; i++) {
        idp().answerNextRefreshes(IdpReplies.unavailable());
        assertOutcome(session.get("/echo"), 503, "idp_unavailable").orElseThrow();
      }
      Metrics before = app().metrics();
      int callsBefore = idp().refreshCalls();
      fault.run();

      HttpResponse<String> r = session.get("/echo");

      String answered = Outcomes.error(r);
      assertThat(answered).isIn((Object[]) error.split("\\|"));
      long retryAfter = assertOutcome(r, status, answered).orElse(-1L);
      if (status == 503) {
        assertThat(retryAfter).as("Retry-After").isEqualTo(5);
      }
      Metrics after = app().metrics();
      double failures = 0;
      for (String k : kind.split("\\|")) {
        failures += after.counterSince(before, FAILURES, KIND, k);
      }
      assertThat(failures).as("failures{kind=%s}", kind).isEqualTo(1);
      assertThat(idp().refreshCalls() - callsBefore)
          .as("refresh calls that reached the provider")
          .isLessThanOrEqualTo(1);
      if (status == 401) {
        assertThat(session.storedTokens()).as("a dead grant ends the session").isEmpty();
      } else {
        assertThat(session.storedTokens())
            .as("the session keeps its tokens")
            .contains(session.login());
      }
      FaultGateway.shared().up();
      idp().reset();
      UserSession other = app().loginExpired();
      HttpResponse<String> next = other.get("/echo");
      if (counts) {
        assertThat(Outcomes.error(next))
            .as("the breaker opened: the fault counted")
            .isEqualTo("circuit_open");
        assertThat(idp().refreshCalls()).isZero();
        assertThat(app().metrics().gauge(BREAKER_STATE)).as("open").isEqualTo(1);
      } else {
        assertThat(next.statusCode()).as("the breaker stayed closed: not counted").isEqualTo(200);
      }
    }
  }
}
