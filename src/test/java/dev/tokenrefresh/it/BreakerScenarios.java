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
import static org.assertj.core.api.InstanceOfAssertFactories.LONG;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.Outcomes;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A failing identity provider opens the breaker after {@code failure-threshold} consecutive faults;
 * then requests are refused at once, without reaching it, with a {@code Retry-After}; after {@code
 * open-duration} one probe goes through and, succeeding, closes it. The session keeps its tokens
 * throughout.
 */
public interface BreakerScenarios extends RunningApp {

  int OUTAGE_BURST = 100;
  int OUTAGE_BURSTS = 3;

  /**
   * Asks {@code session}'s {@code /echo} until it is answered 200, within the open duration plus 5
   * s: once the provider is back, the breaker may still be open for that long.
   */
  static Echo pollUntilRefreshed(UserSession session) {
    return Poll.until(
        "a refresh once the IdP is back",
        TestSettings.BREAKER_OPEN_DURATION.plusSeconds(5),
        Duration.ofMillis(100),
        () -> session.echo("/echo"),
        e -> e.status() == 200);
  }

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

  /**
   * The outage: bursts of {@link #OUTAGE_BURST} concurrent requests of one session while
   * the provider answers every refresh 503. Requests that arrive after a failed call start the next
   * one, so a burst may make several calls; the breaker stops them at the threshold, whatever the
   * number of requests (Payara's built-in client made 40 calls in the same situation). An outage
   * longer than the open duration also sees the half-open probe of each open period: one call each.
   */
  @Test
  default void idpDown_burstsOf100Requests_reachItAtMostThresholdTimes_andRecoverAfterIt() {
    UserSession session = app().loginExpired();
    idp().answerEveryRefresh(IdpReplies.unavailable());

    Map<String, Integer> errors = new TreeMap<>();
    long started = System.nanoTime();
    for (int i = 0; i < OUTAGE_BURSTS; i++) {
      for (HttpResponse<String> r : Burst.run(OUTAGE_BURST, () -> session.get("/echo"))) {
        String error = Outcomes.error(r);
        assertThat(error).isIn("idp_unavailable", "circuit_open");
        assertThat(assertOutcome(r, 503, error)).get().asInstanceOf(LONG).isPositive();
        errors.merge(error, 1, Integer::sum);
      }
    }
    Duration outage = Duration.ofNanos(System.nanoTime() - started);
    int callsDuringOutage = idp().refreshCalls();
    long openPeriods = outage.toMillis() / TestSettings.BREAKER_OPEN_DURATION.toMillis();
    System.out.printf(
        "[async-waiters] %s, IdP down: %d bursts of %d requests in %d ms, %d refresh call(s),"
            + " answers %s%n",
        System.getProperty("it.container", "?"),
        OUTAGE_BURSTS,
        OUTAGE_BURST,
        outage.toMillis(),
        callsDuringOutage,
        errors);
    assertThat(callsDuringOutage)
        .as("threshold, plus one probe per open duration the outage outlasted")
        .isBetween(
            TestSettings.BREAKER_FAILURE_THRESHOLD,
            TestSettings.BREAKER_FAILURE_THRESHOLD + (int) openPeriods);
    assertThat(session.storedTokens()).as("the session survives").contains(session.login());

    idp().answerEveryRefresh(IdpStep.passThrough());
    Echo recovered = pollUntilRefreshed(session);
    assertThat(recovered.accessToken()).isNotEqualTo(session.login().accessToken());
    assertThat(idp().refreshCalls()).isEqualTo(callsDuringOutage + 1);
    assertThat(session.storedTokens().orElseThrow().accessToken())
        .isEqualTo(recovered.accessToken());
  }
}
