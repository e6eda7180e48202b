package dev.tokenrefresh.it.sidebyside;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.BusyThreads;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.Latencies;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestApp;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scenario (a) of the side-by-side, the same steps for both clients: one session whose access token
 * has expired sends {@link #WAITERS} concurrent requests while the provider answers the refresh
 * {@link #IDP_DELAY} late; {@link #SETTLE} after the provider saw the first refresh call (the burst
 * has arrived by then), another user with a valid token sends {@link #OTHER_USER_REQUESTS}
 * requests, one after the other. The server's request threads are sampled throughout.
 *
 * <p>Not "all waiting" by the module's metrics, as {@code SuspendedWaitersScenarios} does: the
 * built-in client has none, and both sides must be measured alike.
 */
final class SlowRefreshRun {

  static final int WAITERS = 400;
  static final Duration IDP_DELAY = Duration.ofSeconds(3);
  static final Duration SETTLE = Duration.ofSeconds(1);
  static final int OTHER_USER_REQUESTS = 50;

  /**
   * What was measured.
   *
   * @param statuses HTTP status of the burst's answers, with their counts
   * @param newTokens distinct access tokens the 200 answers carried
   * @param refreshCalls refresh-token grants the provider received
   * @param other the other user's response times
   * @param otherWhileWaiting how many of them were sent before the burst's first answer
   * @param busyPeak most busy request threads in any sample of the run
   * @param busyWhileWaiting most busy request threads from the end of the settle time until the
   *     provider's answer was due
   * @param poolThreads request threads that existed
   * @param burstMillis from the burst's start to its last answer
   * @param loadAverage the machine's one-minute load average at the end
   */
  record Result(
      Map<Integer, Integer> statuses,
      int newTokens,
      int refreshCalls,
      Latencies other,
      int otherWhileWaiting,
      int busyPeak,
      int busyWhileWaiting,
      int poolThreads,
      long burstMillis,
      double loadAverage) {

    int answered200() {
      return statuses.getOrDefault(200, 0);
    }
  }

  private SlowRefreshRun() {}

  /**
   * Runs the scenario.
   *
   * @param waiter one request of the expired session
   * @param otherUser one request of the other user; must answer 200
   */
  static Result run(
      TestApp app,
      MockIdp idp,
      Callable<HttpResponse<String>> waiter,
      Supplier<HttpResponse<String>> otherUser) {
    idp.answerNextRefreshes(IdpStep.passThrough().after(IDP_DELAY));
    BusyThreads.start(app);
    long started = System.currentTimeMillis();
    Burst<HttpResponse<String>> burst = Burst.start(WAITERS, waiter);
    Poll.until(
        "the first refresh call",
        IDP_DELAY,
        Duration.ofMillis(10),
        idp::refreshCalls,
        n -> n >= 1);
    long refreshSeen = System.currentTimeMillis();
    sleep(SETTLE);
    long settled = System.currentTimeMillis();
    Latencies other = new Latencies();
    int whileWaiting = 0;
    for (int i = 0; i < OTHER_USER_REQUESTS; i++) {
      boolean waiting = burst.finished() == 0;
      HttpResponse<String> r = other.time(otherUser);
      if (r.statusCode() != 200) {
        throw new AssertionError("the other user's request: HTTP " + r.statusCode());
      }
      whileWaiting += waiting ? 1 : 0;
    }
    List<HttpResponse<String>> answers = burst.results();
    long done = System.currentTimeMillis();
    BusyThreads threads = BusyThreads.stop(app);
    long answerDue = refreshSeen + IDP_DELAY.toMillis() - 100;
    return new Result(
        count(answers, HttpResponse::statusCode),
        (int)
            answers.stream()
                .filter(r -> r.statusCode() == 200)
                .map(r -> Echo.of(r).accessToken())
                .filter(Objects::nonNull)
                .distinct()
                .count(),
        idp.refreshCalls(),
        other,
        whileWaiting,
        threads.peak(),
        settled < answerDue ? threads.peakBetween(settled, answerDue) : -1,
        threads.poolThreads(),
        done - started,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
