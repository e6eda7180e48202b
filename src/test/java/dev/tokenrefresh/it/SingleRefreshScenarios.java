package dev.tokenrefresh.it;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.GRACE_REPLAYS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.IDP_CALLS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.JOINED;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.REQUESTS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.SUCCESSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.it.app.NaiveRefreshServlet;
import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.Hold;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * However many requests of one session find its access token expired, the identity provider sees
 * one refresh, and every request goes on with the same new token. The negative control shows that
 * the counting assertion does catch an application that refreshes per request.
 */
public interface SingleRefreshScenarios extends RunningApp {

  int BURST = 200;

  @Test
  default void expiredToken_200ConcurrentRequests_shareOneRefreshAndItsNewToken() {
    UserSession session = app().loginExpired();
    Metrics before = app().metrics();
    Hold hold = idp().holdNextRefresh(TestSettings.HOLD_MAX);

    Burst<Echo> burst = Burst.start(BURST, () -> session.echo("/echo"));
    releaseWhenWaiting(hold, before, BURST);
    List<Echo> answers = burst.results();

    assertThat(answers).extracting(Echo::status).containsOnly(200);
    Set<String> tokens = answers.stream().map(Echo::accessToken).collect(Collectors.toSet());
    assertThat(tokens).hasSize(1).doesNotContain("", session.login().accessToken());
    assertOneRefreshCall();
    assertThat(session.storedTokens().orElseThrow().accessToken()).isIn(tokens);
    Metrics after = app().metrics();
    assertThat(after.counterSince(before, REQUESTS)).isEqualTo(BURST);
    assertThat(after.counterSince(before, JOINED)).isEqualTo(BURST - 1);
    assertThat(after.counterSince(before, GRACE_REPLAYS)).isZero();
    assertThat(after.counterSince(before, IDP_CALLS)).isEqualTo(1);
    assertThat(after.counterSince(before, SUCCESSES)).isEqualTo(1);
  }

  @Test
  default void naiveRefresher_200ConcurrentRequests_failTheOneRefreshAssertion() {
    UserSession session = app().login(idp().login(), TestApp.VALID);

    List<HttpResponse<String>> answers = Burst.run(BURST, () -> session.get("/naive-refresh"));

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
    assertThat(answers)
        .extracting(HttpResponse::body)
        .as("rotation: the first redemption wins, the rest are refused as reuse")
        .contains(NaiveRefreshServlet.IDP_STATUS + "=200\n")
        .contains(NaiveRefreshServlet.IDP_STATUS + "=400\n");
    assertThat(idp().refreshCalls()).isEqualTo(BURST);
    assertThatThrownBy(this::assertOneRefreshCall).isInstanceOf(AssertionError.class);
  }

  /** The assertion under test in both scenarios. */
  default void assertOneRefreshCall() {
    assertThat(idp().refreshCalls()).as("refresh-token grants at the IdP").isEqualTo(1);
  }
}
