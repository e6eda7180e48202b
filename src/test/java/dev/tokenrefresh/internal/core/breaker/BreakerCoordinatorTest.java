package dev.tokenrefresh.internal.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.support.Burst;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The breaker through the coordinator: what counts as a provider fault, and how often. */
class BreakerCoordinatorTest {

  private static final IdpFaultException UNAVAILABLE =
      IdpFaultException.of(FaultKind.SERVER_ERROR, "HTTP 503");

  @Test
  void refresh_threeFailingCallsEachWithManyWaiters_openTheBreakerAfterExactlyThreeCalls()
      throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated().thenThrow(UNAVAILABLE);
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      for (int flight = 0; flight < 2; flight++) {
        endpoint.close();
        Burst.Result r = Burst.run(100, f.coordinator::refresh, endpoint, Tokens.expired());
        assertThat(r.failures()).hasSize(100);
        assertThat(endpoint.calls()).as("calls").isEqualTo(flight + 1);
        assertThat(f.coordinator.gauges().breakerState().get())
            .as("one call with 100 waiters records one fault")
            .isEqualTo(BreakerState.CLOSED);
      }
      endpoint.close();
      Burst.run(100, f.coordinator::refresh, endpoint, Tokens.expired());
      assertThat(f.coordinator.gauges().breakerState().get()).isEqualTo(BreakerState.OPEN);

      assertThatThrownBy(
              () ->
                  f.coordinator
                      .refresh(SessionKey.of("other"), Tokens.expired())
                      .toCompletableFuture()
                      .get())
          .hasCauseInstanceOf(RefreshRejectedException.class);
      assertThat(endpoint.calls()).isEqualTo(3);
      assertThat(f.metrics.count("breaker.open")).isEqualTo(1);
    }
  }

  @Test
  void refresh_deadGrants_neverOpenTheBreaker() throws Exception {
    ScriptedEndpoint endpoint =
        ScriptedEndpoint.immediate().thenThrow(new GrantRevokedException("invalid_grant"));
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      for (int i = 0; i < 10; i++) {
        assertThatThrownBy(() -> refreshNewSession(f))
            .hasCauseInstanceOf(GrantRevokedException.class);
      }
      assertThat(f.coordinator.gauges().breakerState().get()).isEqualTo(BreakerState.CLOSED);
      assertThat(f.metrics.count("revoked")).isEqualTo(10);
    }
  }

  @Test
  void refresh_afterOpenDuration_oneProbeGoesThroughAndClosesTheBreaker() throws Exception {
    ScriptedEndpoint endpoint =
        ScriptedEndpoint.immediate()
            .thenThrow(UNAVAILABLE)
            .thenThrow(UNAVAILABLE)
            .thenThrow(UNAVAILABLE)
            .then(current -> Tokens.rotated());
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> refreshNewSession(f)).hasCauseInstanceOf(IdpFaultException.class);
      }
      assertThatThrownBy(() -> refreshNewSession(f))
          .hasCauseInstanceOf(RefreshRejectedException.class);

      f.time.advance(Duration.ofSeconds(30));
      assertThat(refreshNewSession(f)).isNotNull();
      assertThat(f.coordinator.gauges().breakerState().get()).isEqualTo(BreakerState.CLOSED);
      assertThat(endpoint.calls()).isEqualTo(4);
    }
  }

  private static Object refreshNewSession(CoordinatorFixture f) throws Exception {
    return f.coordinator
        .refresh(SessionKey.of("s-" + System.nanoTime()), Tokens.expired())
        .toCompletableFuture()
        .get();
  }
}
