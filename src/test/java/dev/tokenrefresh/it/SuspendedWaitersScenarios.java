package dev.tokenrefresh.it;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.IDP_CALLS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.JOINED;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.BusyThreads;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.Latencies;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.UserSession;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Waiters must not hold request threads: 400 requests of one session wait for a refresh that the
 * identity provider answers 3 s late, while another user, whose token is valid, goes on using the
 * application. Suspended, the 400 hold no request thread, so the other user is served at once; the
 * control sends the same burst where the filter cannot suspend (a filter without async support in
 * front of it), shows the request threads it holds, and the other user queued behind them, which is
 * what the thread-count assertions must be able to tell apart.
 *
 * <p>The assertions are counts (requests, refresh calls, busy request threads). The other user's
 * latencies are printed, not asserted ({@code [async-waiters]} lines): timing depends on the
 * machine's load, and its figures live in docs/async-waiters.md with the load they were taken at.
 */
public interface SuspendedWaitersScenarios extends RunningApp {

  int WAITERS = 400;
  Duration IDP_DELAY = Duration.ofSeconds(3);
  int OTHER_USER_REQUESTS = 50;

  /**
   * The other user's requests must be measured while all 400 wait, so they stop when the burst's
   * first answer arrives; on a slow machine the burst takes longer to arrive and fewer fit.
   */
  int MIN_OTHER_USER_REQUESTS = 20;

  /**
   * Busy request threads allowed while all 400 wait: the other user's one request at a time, the
   * metrics scrape (Payara serves it on the same threads) and the sampler's own requests.
   */
  int MAX_BUSY_WHILE_WAITING = 8;

  /** Wait of the control before the other user starts: the pool is saturated by then. */
  Duration CONTROL_SETTLE = Duration.ofSeconds(1);

  @Test
  default void expiredSession_400RequestsWaitOn3sRefresh_holdNoThreads_whileOtherUserIsServed() {
    UserSession waiting = app().loginExpired();
    UserSession other = app().login(idp().login(), TestApp.VALID);
    Metrics before = app().metrics();
    idp().answerNextRefreshes(IdpStep.passThrough().after(IDP_DELAY));
    BusyThreads.start(app());

    Burst<Echo> burst = Burst.start(WAITERS, () -> waiting.echo("/echo"));
    long started = System.currentTimeMillis();
    Poll.until(
        WAITERS + " requests waiting",
        IDP_DELAY,
        Duration.ofMillis(25),
        () -> app().metrics().counterSince(before, REQUESTS),
        n -> n >= WAITERS);
    long allWaiting = System.currentTimeMillis();
    Latencies latencies = otherUserRequests(other, () -> burst.finished() == 0);
    long otherDone = System.currentTimeMillis();
    List<Echo> answers = burst.results();
    long allDone = System.currentTimeMillis();
    BusyThreads threads = BusyThreads.stop(app());
    int whileWaiting = threads.peakBetween(allWaiting, otherDone);

    report(
        "async",
        "%d requests (all waiting after %d ms, done after %d ms), %d refresh call(s);"
            + " other user %s; busy request threads: peak %d, %d while all waited (pool %d)",
        WAITERS,
        allWaiting - started,
        allDone - started,
        idp().refreshCalls(),
        latencies,
        threads.peak(),
        whileWaiting,
        threads.poolThreads());
    assertThat(latencies.count())
        .as("other user's requests sent while all %d waited", WAITERS)
        .isGreaterThanOrEqualTo(MIN_OTHER_USER_REQUESTS);
    assertThat(assertSharedOneRefresh(waiting, before, answers)).isEqualTo(WAITERS);
    assertThat(answers).extracting(Echo::dispatcher).as("all suspended").containsOnly("ASYNC");
    assertThat(whileWaiting)
        .as("busy request threads while all waited")
        .isLessThanOrEqualTo(MAX_BUSY_WHILE_WAITING);
  }

  @Test
  default void control_400RequestsWaitOnTheirThreads_areSeenBusy() {
    UserSession waiting = app().loginExpired();
    UserSession other = app().login(idp().login(), TestApp.VALID);
    Metrics before = app().metrics();
    idp().answerNextRefreshes(IdpStep.passThrough().after(IDP_DELAY));
    BusyThreads.start(app());

    Burst<Echo> burst = Burst.start(WAITERS, () -> waiting.echo("/no-async/echo"));
    long started = System.currentTimeMillis();
    // Not a poll of the metrics, as above: on Payara the scrape would queue behind the waiters.
    sleep(CONTROL_SETTLE);
    Latencies latencies = otherUserRequests(other, () -> true);
    List<Echo> answers = burst.results();
    long allDone = System.currentTimeMillis();
    BusyThreads threads = BusyThreads.stop(app());
    long onThreads = assertSharedOneRefresh(waiting, before, answers);

    report(
        "blocking control",
        "%d requests (%d waited on threads, the rest queued; done after %d ms), %d refresh"
            + " call(s); other user %s; busy request threads: peak %d (pool %d)",
        WAITERS,
        onThreads,
        allDone - started,
        idp().refreshCalls(),
        latencies,
        threads.peak(),
        threads.poolThreads());
    assertThat(answers).extracting(Echo::dispatcher).as("never suspended").containsOnly("REQUEST");
    assertThat(threads.peak())
        .as("busy request threads: the whole pool")
        .isGreaterThan(MAX_BUSY_WHILE_WAITING)
        .isGreaterThanOrEqualTo(threads.poolThreads() * 9 / 10);
  }

  /**
   * Asserts that the burst shared one refresh and its new token.
   *
   * @return how many of its requests asked for the refresh: all, unless the server queued some
   *     until the refresh was done (then they found the new token)
   */
  private long assertSharedOneRefresh(UserSession waiting, Metrics before, List<Echo> answers) {
    assertThat(answers).extracting(Echo::status).containsOnly(200);
    assertThat(answers.stream().map(Echo::accessToken).collect(Collectors.toSet()))
        .hasSize(1)
        .doesNotContain("", waiting.login().accessToken());
    assertThat(idp().refreshCalls()).as("refresh-token grants at the IdP").isEqualTo(1);
    Metrics after = app().metrics();
    long requests = (long) after.counterSince(before, REQUESTS);
    assertThat(requests).isBetween(1L, (long) WAITERS);
    assertThat(after.counterSince(before, JOINED)).isEqualTo(requests - 1);
    assertThat(after.counterSince(before, IDP_CALLS)).isEqualTo(1);
    return requests;
  }

  /**
   * The other user's requests, one after the other, each answered 200 with its own token: {@link
   * #OTHER_USER_REQUESTS} of them, fewer if {@code goOn} turns false first.
   */
  private Latencies otherUserRequests(UserSession other, BooleanSupplier goOn) {
    Latencies latencies = new Latencies();
    for (int i = 0; i < OTHER_USER_REQUESTS && goOn.getAsBoolean(); i++) {
      Echo echo = latencies.time(() -> other.echo("/echo"));
      assertThat(echo.status()).isEqualTo(200);
      assertThat(echo.accessToken()).isEqualTo(other.login().accessToken());
    }
    return latencies;
  }

  private static void report(String what, String format, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "[async-waiters] %s, %s: %s; load average %.2f%n",
        System.getProperty("it.container", "?"),
        what,
        String.format(Locale.ROOT, format, args),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
