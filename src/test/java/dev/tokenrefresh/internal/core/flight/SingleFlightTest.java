package dev.tokenrefresh.internal.core.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link SingleFlight} on its own: who leads, who joins, and when a flight is forgotten. */
class SingleFlightTest {

  private static final int CALLERS = 64;

  private final SingleFlight<String, String> flights = new SingleFlight<>();

  @Test
  void join_callersReleasedTogetherOnOneKey_electExactlyOneLeaderAndShareItsFlight()
      throws Exception {
    List<SingleFlight.Join<String>> joins = joinTogether(flights::join);

    assertOneLeaderOneFlight(joins);
    assertThat(flights.size()).isEqualTo(1);
  }

  @Test
  void negativeControl_aFlightPerCaller_isCaughtByTheSameAssertion() throws Exception {
    List<SingleFlight.Join<String>> joins =
        joinTogether(key -> new SingleFlight.Join<>(new CompletableFuture<>(), true));

    assertThatThrownBy(() -> assertOneLeaderOneFlight(joins)).isInstanceOf(AssertionError.class);
  }

  @Test
  void join_ofDifferentKeys_startsOneFlightEach() {
    SingleFlight.Join<String> a = flights.join("a");
    SingleFlight.Join<String> b = flights.join("b");

    assertThat(a.leader()).isTrue();
    assertThat(b.leader()).isTrue();
    assertThat(a.flight()).isNotSameAs(b.flight());
    assertThat(flights.size()).isEqualTo(2);
  }

  @Test
  void join_afterTheLeaderCompletedTheFlight_startsANewOne() {
    SingleFlight.Join<String> first = flights.join("k");
    first.flight().complete("v1");

    SingleFlight.Join<String> second = flights.join("k");

    assertThat(flights.size()).isEqualTo(1);
    assertThat(second.leader()).isTrue();
    assertThat(second.flight()).isNotSameAs(first.flight());
  }

  @Test
  void completion_ofAFailedFlight_unregistersItToo() {
    flights.join("k").flight().completeExceptionally(new IllegalStateException("provider down"));

    assertThat(flights.size()).isZero();
  }

  @Test
  void aFinishedFlightStillRegistered_isNeverJoined_andItsLateUnregistrationKeepsItsReplacement() {
    SingleFlight.Join<String> first = flights.join("k");
    AtomicReference<SingleFlight.Join<String>> duringCompletion = new AtomicReference<>();
    // Runs among the first flight's completion callbacks, i.e. while it may still be registered.
    first.flight().thenRun(() -> duringCompletion.set(flights.join("k")));

    first.flight().complete("v1");

    SingleFlight.Join<String> replacement = duringCompletion.get();
    assertThat(replacement.leader()).as("a finished flight is not joined").isTrue();
    assertThat(replacement.flight()).isNotSameAs(first.flight());
    assertThat(flights.size()).as("the first flight's removal kept its replacement").isEqualTo(1);
    SingleFlight.Join<String> next = flights.join("k");
    assertThat(next.leader()).isFalse();
    assertThat(next.flight()).isSameAs(replacement.flight());
  }

  private static List<SingleFlight.Join<String>> joinTogether(
      Function<String, SingleFlight.Join<String>> join) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    CountDownLatch ready = new CountDownLatch(CALLERS);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<SingleFlight.Join<String>>> futures = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return join.apply("k");
                }));
      }
      assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<SingleFlight.Join<String>> joins = new ArrayList<>();
      for (Future<SingleFlight.Join<String>> future : futures) {
        joins.add(future.get(5, TimeUnit.SECONDS));
      }
      return joins;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void assertOneLeaderOneFlight(List<SingleFlight.Join<String>> joins) {
    assertThat(joins).hasSize(CALLERS);
    assertThat(joins.stream().filter(SingleFlight.Join::leader).count()).as("leaders").isEqualTo(1);
    assertThat(joins.stream().map(SingleFlight.Join::flight).distinct().count())
        .as("distinct flights")
        .isEqualTo(1);
  }
}
