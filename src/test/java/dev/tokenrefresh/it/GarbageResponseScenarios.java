package dev.tokenrefresh.it;

import static dev.tokenrefresh.it.support.Outcomes.assertOutcome;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.FAILURES;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Whatever garbage the provider sends, the client gets the documented 503 with a small JSON body:
 * never a 500, never a stack trace, never a token. The session keeps its tokens.
 */
public interface GarbageResponseScenarios extends RunningApp {

  @Test
  default void idpAnsweringHtml_answers503WithTheDocumentedBody() {
    assertAnsweredSafely(IdpReplies.notJson(), "Gateway says hello");
  }

  @Test
  default void idpAnsweringWithoutAccessToken_answers503WithTheDocumentedBody() {
    assertAnsweredSafely(IdpReplies.withoutAccessToken(), "rt-x");
  }

  @Test
  default void idpAnsweringAnOversizedAccessToken_answers503WithoutTheToken() {
    String oversized = "x".repeat(TestSettings.MAX_TOKEN_SIZE + 1);
    assertAnsweredSafely(IdpReplies.accessTokenOf(oversized), "xxxxxxxx");
  }

  /**
   * Makes the provider answer {@code garbage} and asserts the documented 503, whose exact body
   * already excludes any detail; {@code leak} is a piece of the garbage to look for in the headers.
   */
  private void assertAnsweredSafely(IdpStep garbage, String leak) {
    UserSession session = app().loginExpired();
    Metrics before = app().metrics();
    idp().answerNextRefreshes(garbage);

    HttpResponse<String> r = session.get("/echo");

    assertThat(assertOutcome(r, 503, "idp_unavailable")).isPresent();
    assertThat(r.headers().map().toString()).doesNotContain(leak);
    assertThat(idp().refreshCalls()).isEqualTo(1);
    assertThat(session.storedTokens()).contains(session.login());
    Metrics after = app().metrics();
    assertThat(after.counterSince(before, FAILURES, KIND, "malformed_response")).isEqualTo(1);
  }
}
