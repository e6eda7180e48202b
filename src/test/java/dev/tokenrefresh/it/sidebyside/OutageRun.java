package dev.tokenrefresh.it.sidebyside;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.TestSettings;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Scenario (b) of the side-by-side, its common part: the provider answers every refresh 503 (with a
 * plain-text or a JSON body: the built-in client treats them differently), and one session whose
 * access token has expired sends {@link #REQUESTS} concurrent requests. What happens to the session
 * afterwards, and how it recovers, each test checks in its own terms.
 */
final class OutageRun {

  static final int REQUESTS = 100;

  /**
   * What was measured.
   *
   * @param answers the burst's answers by kind, with their counts
   * @param idpCalls refresh-token grants the provider received (and answered 503)
   * @param burstMillis from the burst's start to its last answer
   */
  record Result(Map<String, Integer> answers, int idpCalls, long burstMillis) {

    /**
     * The most provider calls the module's breaker lets through in this burst: its threshold, plus
     * one probe per open period the burst outlasted.
     */
    int breakerBound() {
      long openPeriods = burstMillis / TestSettings.BREAKER_OPEN_DURATION.toMillis();
      return TestSettings.BREAKER_FAILURE_THRESHOLD + (int) openPeriods;
    }
  }

  /** How the provider answers each refresh during the outage. */
  enum Reply {
    /** 503 with a plain-text body, as a proxy or load balancer in front of the provider says it. */
    PLAIN_TEXT_503("outage", IdpReplies.unavailable()),
    /** 503 with an OAuth 2.0 error body, as the provider itself would say it. */
    JSON_503(
        "outage-json",
        IdpStep.reply(
            503,
            "application/json",
            "{\"error\":\"temporarily_unavailable\",\"error_description\":\"try later\"}"));

    /** Prefix of this variant's keys in the report. */
    final String key;

    private final IdpStep step;

    Reply(String key, IdpStep step) {
      this.key = key;
      this.step = step;
    }
  }

  private OutageRun() {}

  /** Runs the burst; the provider still answers 503 when it returns. */
  static Result run(MockIdp idp, Reply reply, Callable<HttpResponse<String>> request) {
    idp.answerEveryRefresh(reply.step);
    long started = System.currentTimeMillis();
    List<HttpResponse<String>> answers = Burst.run(REQUESTS, request);
    long done = System.currentTimeMillis();
    return new Result(
        SlowRefreshRun.count(answers, SlowRefreshRun::kind), idp.refreshCalls(), done - started);
  }
}
