package dev.tokenrefresh.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The per-call timeout: a provider call slower than {@code timeout} fails its waiters with a
 * timeout fault, is interrupted, frees its slot, and counts toward the breaker.
 */
class CallTimeoutCoordinatorTest {

  private static final RefreshSettings TWO_SLOTS_ONE_QUEUED =
      RefreshSettings.builder().maxConcurrent(2).maxQueued(1).build();

  @Test
  void call_slowerThanTimeout_failsWaitersWithTimeoutInterruptsTheCallAndFreesItsSlot()
      throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    try (CoordinatorFixture f = new CoordinatorFixture(TWO_SLOTS_ONE_QUEUED, endpoint)) {
      CompletableFuture<TokenSet> flight = f.startDistinctFlights(1).get(0);
      endpoint.awaitEntered(1);

      f.time.advance(Duration.ofSeconds(30));

      assertThatThrownBy(() -> flight.get(5, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              IdpFaultException.class, e -> assertThat(e.kind()).isEqualTo(FaultKind.TIMEOUT));
      // The interrupted call releases its slot on its own pool thread.
      f.awaitCallsFinished();
      assertThat(f.coordinator.gauges().inFlightCalls().getAsInt()).isZero();
      assertThat(endpoint.interruptedCalls()).isEqualTo(1);
      assertThat(f.metrics.count("fault.timeout")).isEqualTo(1);
      assertThat(f.metrics.count("fault.io")).as("the interrupted call's own outcome").isZero();
    }
  }

  @Test
  void timeouts_countAsProviderFaultsTowardTheBreaker() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      for (int i = 0; i < 3; i++) {
        f.startDistinctFlights(1);
        f.time.advance(Duration.ofSeconds(30));
      }
      assertThat(f.coordinator.gauges().breakerState().get()).isEqualTo(BreakerState.OPEN);
    }
  }
}
