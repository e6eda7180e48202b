package dev.tokenrefresh.internal.core.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.support.Burst;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.util.HashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** One provider call per refresh token, however many callers arrive at once. */
class SingleFlightCoordinatorTest {

  private static final int CALLERS = 1_000;

  @Test
  void refresh_thousandCallersReleasedTogether_makeExactlyOneProviderCallAndShareItsTokens()
      throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      Burst.Result result = Burst.run(CALLERS, f.coordinator::refresh, endpoint, Tokens.expired());

      assertExactlyOneProviderCall(endpoint, result);
      assertThat(f.metrics.count("joined")).isEqualTo(CALLERS - 1);
      assertThat(f.metrics.count("calls")).isEqualTo(1);
    }
  }

  @Test
  void negativeControl_naiveRefresherCallingPerRequest_isCaughtByTheSameAssertion()
      throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      Burst.Refresher naive =
          (session, tokens) -> CompletableFuture.supplyAsync(() -> endpoint.refresh(tokens), pool);
      Burst.Result result = Burst.run(CALLERS, naive, endpoint, Tokens.expired());

      assertThat(endpoint.calls()).isEqualTo(CALLERS);
      assertThatThrownBy(() -> assertExactlyOneProviderCall(endpoint, result))
          .isInstanceOf(AssertionError.class);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void refresh_whenTheSharedCallFails_everyCallerGetsTheSameError() throws Exception {
    GrantRevokedException dead = new GrantRevokedException("invalid_grant");
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated().thenThrow(dead);
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      Burst.Result result = Burst.run(100, f.coordinator::refresh, endpoint, Tokens.expired());

      assertThat(endpoint.calls()).isEqualTo(1);
      assertThat(result.tokens()).isEmpty();
      assertThat(result.failures()).hasSize(100).allMatch(e -> e == dead);
    }
  }

  @Test
  void refresh_oneCallerCancellingOrTimingOut_doesNotCancelTheSharedCall() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      SessionKey session = SessionKey.of("s");
      TokenSet tokens = Tokens.expired();
      CompletableFuture<TokenSet> impatient =
          f.coordinator.refresh(session, tokens).toCompletableFuture();
      CompletableFuture<TokenSet> deadline =
          f.coordinator
              .refresh(session, tokens)
              .toCompletableFuture()
              .orTimeout(1, TimeUnit.MILLISECONDS);
      CompletableFuture<TokenSet> patient =
          f.coordinator.refresh(session, tokens).toCompletableFuture();

      impatient.cancel(true);
      assertThatThrownBy(() -> deadline.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(TimeoutException.class);
      endpoint.open();

      assertThat(patient.get(5, TimeUnit.SECONDS)).isNotNull();
      assertThat(endpoint.calls()).isEqualTo(1);
      assertThat(endpoint.interruptedCalls()).isZero();
    }
  }

  @Test
  void refresh_afterTheFlightCompleted_aNewRefreshTokenStartsANewCall() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      SessionKey session = SessionKey.of("s");
      TokenSet first = f.coordinator.refresh(session, Tokens.expired()).toCompletableFuture().get();
      TokenSet second =
          f.coordinator.refresh(session, Tokens.expired()).toCompletableFuture().get();

      assertThat(endpoint.calls()).isEqualTo(2);
      assertThat(first).isNotEqualTo(second);
      // Unregistering runs among the flight's completion callbacks, on the call's pool thread.
      f.awaitCallsFinished();
      assertThat(f.coordinator.gauges().activeFlights().getAsInt()).isZero();
    }
  }

  private static void assertExactlyOneProviderCall(ScriptedEndpoint endpoint, Burst.Result result) {
    assertThat(endpoint.calls()).as("provider calls").isEqualTo(1);
    assertThat(result.failures()).isEmpty();
    assertThat(new HashSet<>(result.tokens())).as("distinct token sets").hasSize(1);
  }
}
