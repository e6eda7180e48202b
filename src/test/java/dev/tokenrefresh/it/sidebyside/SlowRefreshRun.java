package dev.tokenrefresh.it.sidebyside;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.BusyThreads;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.Latencies;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.Outcomes;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestApp;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scenario (a) of the side-by-side, the same steps for both clients: one session whose access token
 * has expired sends {@link #WAITERS} concurrent requests while the provider answers the refresh
 * {@link #IDP_DELAY} late; {@link #SETTLE} after the provider saw the first refresh call (the burst
 * has arrived by then) and once the server has counted all of it, if it can tell, another user with
 * a valid token sends {@link #OTHER_USER_REQUESTS} requests, one after the other. The server's
 * request threads are sampled throughout.
 *
 * <p>Only the module can say that all of the burst has arrived (its metrics count the waiting
 * requests, as in {@code SuspendedWaitersScenarios}); on a loaded machine 400 requests can take
 * longer than {@link #SETTLE} to arrive, and the other user's requests would then measure the
 * arrival rather than the wait. The built-in client cannot say; its pool is saturated long before.
 */
final class SlowRefreshRun {

  static final int WAITERS = 400;
  static final Duration IDP_DELAY = Duration.ofSeconds(3);
  static final Duration SETTLE = Duration.ofSeconds(1);
  static final int OTHER_USER_REQUESTS = 50;

  /**
   * What was measured.
   *
   * @param statuses the burst's answers by {@link #kind}, with their counts
   * @param newTokens distinct access tokens the 200 answers carried
   * @param refreshCalls refresh-token grants the provider received
   * @param other the other user's response times
   * @param otherStatuses the other user's answers by {@link #kind}, with their counts
   * @param otherWhileWaiting how many of them were sent before the burst's first answer
   * @param busyPeak most busy request threads in any sample of the run
   * @param busyWhileWaiting most busy request threads from the end of the settle time until the
   *     provider's answer was due
   * @param poolThreads request threads that existed
   * @param burstMillis from the burst's start to its last answer
   * @param allArrived whether {@code allArrived} turned true before the other user started
   * @param loadAverage the machine's one-minute load average at the end
   */
  record Result(
      Map<String, Integer> statuses,
      int newTokens,
      int refreshCalls,
      Latencies other,
      Map<String, Integer> otherStatuses,
      int otherWhileWaiting,
      int busyPeak,
      int busyWhileWaiting,
      int poolThreads,
      long burstMillis,
      boolean allArrived,
      double loadAverage) {

    int answered200() {
      return statuses.getOrDefault("200", 0);
    }
  }

  private SlowRefreshRun() {}

  /**
   * Runs the scenario.
   *
   * @param waiter one request of the expired session
   * @param allArrived whether the server has seen all of the burst, if it can tell (the module's
   *     metrics); the other user starts once it is true, or half the delay has passed
   * @param otherUser one request of the other user
   */
  static Result run(
      TestApp app,
      MockIdp idp,
      Callable<HttpResponse<String>> waiter,
      BooleanSupplier allArrived,
      Supplier<HttpResponse<String>> otherUser) {
    idp.answerNextRefreshes(IdpStep.passThrough().after(IDP_DELAY));
    BusyThreads.start(app);
    long started = System.currentTimeMillis();
    Burst<HttpResponse<String>> burst = Burst.start(WAITERS, waiter);
    Poll.until(
        "the first refresh call", IDP_DELAY, Duration.ofMillis(10), idp::refreshCalls, n -> n >= 1);
    long refreshSeen = System.currentTimeMillis();
    sleep(SETTLE);
    boolean arrived = waitFor(allArrived, refreshSeen + IDP_DELAY.toMillis() / 2);
    long settled = System.currentTimeMillis();
    Latencies other = new Latencies();
    List<HttpResponse<String>> otherAnswers = new ArrayList<>();
    int whileWaiting = 0;
    for (int i = 0; i < OTHER_USER_REQUESTS; i++) {
      boolean waiting = burst.finished() == 0;
      otherAnswers.add(other.time(otherUser));
      whileWaiting += waiting ? 1 : 0;
    }
    List<HttpResponse<String>> answers = burst.results();
    long done = System.currentTimeMillis();
    BusyThreads threads = BusyThreads.stop(app);
    long answerDue = refreshSeen + IDP_DELAY.toMillis() - 100;
    return new Result(
        count(answers, SlowRefreshRun::kind),
        (int)
            answers.stream()
                .filter(r -> r.statusCode() == 200)
                .map(r -> Echo.of(r).accessToken())
                .filter(Objects::nonNull)
                .distinct()
                .count(),
        idp.refreshCalls(),
        other,
        count(otherAnswers, SlowRefreshRun::kind),
        whileWaiting,
        threads.peak(),
        settled < answerDue ? threads.peakBetween(settled, answerDue) : -1,
        threads.poolThreads(),
        done - started,
        arrived,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * Runs the scenario with the built-in client: {@code waiting}'s tokens expire, then the other
   * user logs in with tokens that live {@link TestApp#VALID}. The client cannot tell when all of
   * the burst has arrived, so the other user starts {@link #SETTLE} after the first refresh call.
   */
  static Result runBuiltIn(TestApp app, MockIdp idp, BuiltInUser waiting) {
    waiting.waitPastExpiry();
    idp.builtInTokensLive(TestApp.VALID);
    BuiltInUser other = BuiltInUser.login(app);
    return run(app, idp, waiting::echo, () -> true, other::echo);
  }

  /** An answer's HTTP status, followed by the module's error code if it is one of its answers. */
  static String kind(HttpResponse<String> answer) {
    return (answer.statusCode() + " " + Outcomes.error(answer)).trim();
  }

  private static boolean waitFor(BooleanSupplier condition, long untilMillis) {
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() >= untilMillis) {
        return false;
      }
      sleep(Duration.ofMillis(25));
    }
    return true;
  }

  static <T, K extends Comparable<K>> Map<K, Integer> count(List<T> items, Function<T, K> key) {
    Map<K, Integer> counts = new TreeMap<>();
    items.forEach(i -> counts.merge(key.apply(i), 1, Integer::sum));
    return counts;
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
