package dev.tokenrefresh.it;

import static dev.tokenrefresh.it.support.Outcomes.assertOutcome;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.FAILURES;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.IN_FLIGHT;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.Outcomes;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A provider slower than the timeout costs a request at most the timeout: it is answered 503, the
 * call is abandoned and its slot (the executor thread) given back. The library requires connect
 * plus read timeout below {@code token-refresh.timeout}, so the HTTP read timeout ends the call
 * first ({@code idp_unavailable}); the coordinator's own timeout ({@code idp_timeout}) is the
 * backstop.
 */
public interface SlowIdpScenarios extends RunningApp {

  @Test
  default void idpSlowerThanTheTimeout_answers503InTime_andGivesTheCallSlotBack() {
    UserSession session = app().loginExpired();
    Metrics before = app().metrics();
    idp().answerNextRefreshes(IdpReplies.freshTokens().after(TestSettings.TIMEOUT.plusSeconds(2)));

    long started = System.nanoTime();
    HttpResponse<String> r = session.get("/echo");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(Outcomes.error(r)).isIn("idp_unavailable", "idp_timeout");
    assertOutcome(r, 503, Outcomes.error(r)).orElseThrow();
    assertThat(took).isLessThan(TestSettings.TIMEOUT.plusSeconds(1));
    Poll.until(
        "the call slot given back",
        Duration.ofSeconds(2),
        Duration.ofMillis(50),
        () -> app().metrics().gauge(IN_FLIGHT),
        n -> n == 0);
    assertThat(session.storedTokens()).contains(session.login());
    Metrics after = app().metrics();
    assertThat(
            after.counterSince(before, FAILURES, KIND, "io")
                + after.counterSince(before, FAILURES, KIND, "timeout"))
        .isEqualTo(1);
  }
}
