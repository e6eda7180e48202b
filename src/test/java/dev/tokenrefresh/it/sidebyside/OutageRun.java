package dev.tokenrefresh.it.sidebyside;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.MockIdp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Scenario (b) of the side-by-side, its common part: the provider answers every refresh 503, and
 * one session whose access token has expired sends {@link #REQUESTS} concurrent requests. What
 * happens to the session afterwards, and how it recovers, each test checks in its own terms.
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
  record Result(Map<String, Integer> answers, int idpCalls, long burstMillis) {}

  private OutageRun() {}

  /**
   * Runs the burst; the provider still answers 503 when it returns.
   *
   * @param kind names an answer, e.g. {@code "503 circuit_open"}
   */
  static Result run(
      MockIdp idp,
      Callable<HttpResponse<String>> request,
      Function<HttpResponse<String>, String> kind) {
    idp.answerEveryRefresh(IdpReplies.unavailable());
    long started = System.currentTimeMillis();
    List<HttpResponse<String>> answers = Burst.run(REQUESTS, request);
    long done = System.currentTimeMillis();
    return new Result(SlowRefreshRun.count(answers, kind), idp.refreshCalls(), done - started);
  }
}
