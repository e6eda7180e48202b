package dev.tokenrefresh.it;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.IDP_CALLS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.JOINED;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.Hold;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Requests that cannot be suspended still share one refresh: the filter waits for it on the
 * request's thread (its blocking fallback), bounded by the same deadline.
 *
 * <p>Whether a request behind the library's (async) filter can be suspended when only the servlet
 * lacks async support depends on the server: Payara decides for the whole chain up front, so the
 * filter waits on the thread; WildFly (Undertow) decides element by element, so the filter may
 * suspend and its async dispatch then reaches the servlet. Either way the servlet gets the new
 * token. A filter without async support in front of the library leaves no choice on any server.
 */
public interface BlockingFallbackScenarios extends RunningApp {

  int BLOCKING_BURST = 10;

  @Test
  default void servletWithoutAsync_requestsShareOneRefreshAndItsNewToken() {
    List<Echo> answers = burstThroughOneHeldRefresh("/echo-blocking");

    assertThat(answers).extracting(Echo::dispatcher).isSubsetOf("REQUEST", "ASYNC");
  }

  @Test
  default void filterWithoutAsyncInFront_requestsWaitOnTheirThreads_andShareOneRefresh() {
    List<Echo> answers = burstThroughOneHeldRefresh("/no-async/echo");

    assertThat(answers).extracting(Echo::dispatcher).as("never suspended").containsOnly("REQUEST");
  }

  /**
   * Sends {@link #BLOCKING_BURST} concurrent requests of one expired session to {@code path} while
   * the provider holds its answer, and asserts that they shared one refresh.
   */
  private List<Echo> burstThroughOneHeldRefresh(String path) {
    UserSession session = app().loginExpired();
    Metrics before = app().metrics();
    Hold hold = idp().holdNextRefresh(TestSettings.HOLD_MAX);

    Burst<Echo> burst = Burst.start(BLOCKING_BURST, () -> session.echo(path));
    releaseWhenWaiting(hold, before, BLOCKING_BURST);
    List<Echo> answers = burst.results();

    assertThat(answers).extracting(Echo::status).containsOnly(200);
    assertThat(answers.stream().map(Echo::accessToken).collect(Collectors.toSet()))
        .hasSize(1)
        .doesNotContain("", session.login().accessToken());
    assertThat(idp().refreshCalls()).isEqualTo(1);
    Metrics after = app().metrics();
    assertThat(after.counterSince(before, REQUESTS)).isEqualTo(BLOCKING_BURST);
    assertThat(after.counterSince(before, JOINED)).isEqualTo(BLOCKING_BURST - 1);
    assertThat(after.counterSince(before, IDP_CALLS)).isEqualTo(1);
    return answers;
  }
}
