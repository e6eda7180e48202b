package dev.tokenrefresh.internal.core.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.RefreshSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The concurrency limit through the coordinator: at most {@code max-concurrent} provider calls, a
 * bounded queue behind them, and a slot held until its call really finishes.
 */
class ConcurrencyLimitCoordinatorTest {

  private static final RefreshSettings TWO_SLOTS_ONE_QUEUED =
      RefreshSettings.builder().maxConcurrent(2).maxQueued(1).build();

  @Test
  void refresh_beyondSlotsAndQueue_isRejectedAsSaturated() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    try (CoordinatorFixture f = new CoordinatorFixture(TWO_SLOTS_ONE_QUEUED, endpoint)) {
      List<CompletableFuture<TokenSet>> flights = f.startDistinctFlights(4);

      assertThat(f.coordinator.gauges().inFlightCalls().getAsInt()).isEqualTo(2);
      assertThat(f.coordinator.gauges().queuedFlights().getAsInt()).isEqualTo(1);
      assertRejected(flights.get(3), RejectionReason.SATURATED);

      endpoint.open();
      for (int i = 0; i < 3; i++) {
        assertThat(flights.get(i).get(5, TimeUnit.SECONDS)).isNotNull();
      }
      assertThat(endpoint.calls()).isEqualTo(3);
    }
  }

  @Test
  void slot_isNotReleasedWhenCallersStopWaiting_onlyWhenTheCallFinishes() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    try (CoordinatorFixture f = new CoordinatorFixture(TWO_SLOTS_ONE_QUEUED, endpoint)) {
      List<CompletableFuture<TokenSet>> flights = f.startDistinctFlights(2);
      endpoint.awaitEntered(2);
      flights.forEach(flight -> flight.cancel(true));

      assertThat(f.coordinator.gauges().inFlightCalls().getAsInt()).isEqualTo(2);
      CompletableFuture<TokenSet> queued = f.startDistinctFlights(1).get(0);
      assertThat(f.coordinator.gauges().queuedFlights().getAsInt()).isEqualTo(1);

      endpoint.open();
      assertThat(queued.get(5, TimeUnit.SECONDS)).isNotNull();
      assertThat(endpoint.calls()).isEqualTo(3);
    }
  }

  @Test
  void queuedFlight_behindHungCalls_isRejectedAsSaturatedWithoutCountingAnAttempt()
      throws Exception {
    // Hung calls ignore the interrupt: they keep their slots past their timeout, as they should.
    ScriptedEndpoint endpoint = ScriptedEndpoint.hung();
    RefreshSettings settings =
        TWO_SLOTS_ONE_QUEUED.toBuilder().timeout(Duration.ofSeconds(5)).maxAttempts(1).build();
    try (CoordinatorFixture f = new CoordinatorFixture(settings, endpoint)) {
      f.startDistinctFlights(2);
      SessionKey waiting = SessionKey.of("waiting");
      CompletableFuture<TokenSet> queued =
          f.coordinator.refresh(waiting, Tokens.expired()).toCompletableFuture();

      endpoint.awaitEntered(2);
      f.time.advance(Duration.ofSeconds(5));

      assertRejected(queued, RejectionReason.SATURATED);
      assertThat(f.coordinator.gauges().queuedFlights().getAsInt()).isZero();
      assertThat(f.coordinator.gauges().inFlightCalls().getAsInt())
          .as("hung calls still hold their slots")
          .isEqualTo(2);
      endpoint.open();
      assertThat(f.coordinator.refresh(waiting, Tokens.expired()).toCompletableFuture().get())
          .as("the session's one attempt was not spent by the queue")
          .isNotNull();
    }
  }

  private static void assertRejected(CompletableFuture<TokenSet> flight, RejectionReason reason) {
    assertThatThrownBy(() -> flight.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            RefreshRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
