package dev.tokenrefresh.it;

import static dev.tokenrefresh.it.support.Outcomes.assertOutcome;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.BREAKER_STATE;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.BREAKER_TRIPS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.FAILURES;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.KIND;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.REASON;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.REJECTIONS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.SUCCESSES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.Outcomes;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: a failing identity provider opens the breaker after {@code failure-threshold}
 * consecutive faults; then requests are refused at once, without reaching it, with a {@code
 * Retry-After}; after {@code open-duration} one probe goes through and, succeeding, closes it. The
 * session keeps its tokens throughout.
 */
public interface BreakerScenarios extends RunningApp {

  @Test
  default void idpFailingThreeTimes_opensTheBreaker_untilOneProbeClosesIt() {
    UserSession session = app().loginExpired();
    Metrics before = app().metrics();
    idp()
        .answerNextRefreshes(
            IdpReplies.unavailable(), IdpReplies.unavailable(), IdpReplies.unavailable());

    for (int i = 0; i < TestSettings.BREAKER_FAILURE_THRESHOLD; i++) {
      assertOutcome(session.get("/echo"), 503, "idp_unavailable").orElseThrow();
    }
    assertThat(idp().refreshCalls()).isEqualTo(TestSettings.BREAKER_FAILURE_THRESHOLD);
    long retryAfter = assertOutcome(session.get("/echo"), 503, "circuit_open").orElseThrow();
    assertThat(retryAfter).isBetween(1L, TestSettings.BREAKER_OPEN_DURATION.toSeconds());
    assertThat(idp().refreshCalls()).isEqualTo(TestSettings.BREAKER_FAILURE_THRESHOLD);
    assertThat(session.storedTokens()).contains(session.login());

    AtomicInteger refused = new AtomicInteger(1);
    HttpResponse<String> probe =
        Poll.until(
            "a probe after the open duration",
            TestSettings.BREAKER_OPEN_DURATION.plusSeconds(5),
            Duration.ofMillis(100),
            () -> session.get("/echo"),
            r -> {
              if (r.statusCode() == 503 && Outcomes.error(r).equals("circuit_open")) {
                refused.incrementAndGet();
                return false;
              }
              return true;
            });

    assertThat(probe.statusCode()).isEqualTo(200);
    assertThat(idp().refreshCalls()).isEqualTo(TestSettings.BREAKER_FAILURE_THRESHOLD + 1);
    Metrics after = app().metrics();
    assertThat(after.counterSince(before, FAILURES, KIND, "server_error"))
        .isEqualTo(TestSettings.BREAKER_FAILURE_THRESHOLD);
    assertThat(after.counterSince(before, BREAKER_TRIPS)).isEqualTo(1);
    assertThat(after.counterSince(before, REJECTIONS, REASON, "circuit_open"))
        .isEqualTo(refused.get());
    assertThat(after.counterSince(before, SUCCESSES)).isEqualTo(1);
    assertThat(after.gauge(BREAKER_STATE)).as("closed").isZero();
  }
}
