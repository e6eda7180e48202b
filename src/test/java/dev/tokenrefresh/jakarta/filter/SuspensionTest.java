package dev.tokenrefresh.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.StandIn;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.internal.core.bulkhead.SuspensionLimit;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The race between a refresh completing, the async timeout and undeploy, for one request. */
class SuspensionTest {

  private final SessionKey session = SessionKey.of("s");
  private final SuspensionLimit limit = new SuspensionLimit(100, 100);
  private final Set<Suspension> registry = ConcurrentHashMap.newKeySet();
  private final FilterSettings settings = FilterSettings.defaults(Duration.ofSeconds(10));

  @Test
  void answerAll_atUndeploy_answersEverySuspendedRequestWith503AndCompletesIt() throws Exception {
    List<FakeAsync> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      FakeAsync async = new FakeAsync();
      limit.tryEnter(session);
      new Suspension(async.context(), session, limit, registry);
      waiting.add(async);
    }

    int answered = Suspension.answerAll(registry, settings);

    assertThat(answered).isEqualTo(3);
    for (FakeAsync async : waiting) {
      assertThat(async.answer.status.get()).isEqualTo(503);
      assertThat(async.answer.headers).containsEntry("Retry-After", "1");
      assertThat(async.answer.body()).isEqualTo("{\"error\":\"refresh_timeout\"}");
      assertThat(async.completions.get()).isEqualTo(1);
    }
    assertThat(registry).isEmpty();
    assertThat(limit.suspended()).isZero();
  }

  @Test
  void answerAll_leavesAloneARequestTheRefreshAlreadyResumed() throws Exception {
    FakeAsync resumed = new FakeAsync();
    limit.tryEnter(session);
    Suspension suspension = new Suspension(resumed.context(), session, limit, registry);
    assertThat(suspension.claim()).as("the refresh completing first").isTrue();

    int answered = Suspension.answerAll(registry, settings);

    assertThat(answered).isZero();
    assertThat(resumed.answer.status.get()).isZero();
    assertThat(resumed.completions.get()).isZero();
  }

  @Test
  void claim_afterUndeployAnsweredTheRequest_isRefused_soTheRefreshDoesNotDispatchIt() {
    FakeAsync async = new FakeAsync();
    limit.tryEnter(session);
    Suspension suspension = new Suspension(async.context(), session, limit, registry);
    Suspension.answerAll(registry, settings);

    assertThat(suspension.claim()).isFalse();
    assertThat(limit.suspended()).as("the place is given back once, not twice").isZero();
  }

  @Test
  void claim_racedByManyThreads_letsExactlyOneThrough_andGivesThePlaceBackOnce() throws Exception {
    int rounds = 200;
    int racers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      for (int round = 0; round < rounds; round++) {
        limit.tryEnter(session);
        Suspension suspension = new Suspension(new FakeAsync().context(), session, limit, registry);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int r = 0; r < racers; r++) {
          claims.add(
              pool.submit(
                  () -> {
                    start.await();
                    return suspension.claim();
                  }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> claim : claims) {
          winners += claim.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).as("winners in round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(limit.suspended()).isZero();
    assertThat(registry).isEmpty();
  }

  /** An async context whose response records what the filter writes. */
  private static final class FakeAsync {
    final RecordedResponse answer = new RecordedResponse();
    final AtomicInteger completions = new AtomicInteger();

    AsyncContext context() {
      HttpServletRequest request =
          StandIn.answering(HttpServletRequest.class)
              .answer("getMethod", "GET")
              .answer("getContextPath", "")
              .answer("getHeader", null)
              .refusingTheRest();
      return StandIn.of(
          AsyncContext.class,
          (proxy, method, args) ->
              switch (method.getName()) {
                case "getRequest" -> request;
                case "getResponse" -> answer.response;
                case "complete" -> {
                  completions.incrementAndGet();
                  yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
              });
    }
  }
}
