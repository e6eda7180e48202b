package dev.tokenrefresh.internal.core;

import static dev.tokenrefresh.core.support.Rejections.rejectedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A token endpoint that is not located yet (discovery still retried) is not called at all. */
class IdpNotReadyCoordinatorTest {

  private final ScriptedEndpoint provider = ScriptedEndpoint.immediate();
  private final AtomicReference<Optional<Duration>> untilReady =
      new AtomicReference<>(Optional.of(Duration.ofSeconds(4)));
  private final TokenEndpoint endpoint =
      new TokenEndpoint() {
        @Override
        public TokenSet refresh(TokenSet current) {
          return provider.refresh(current);
        }

        @Override
        public Optional<Duration> untilReady() {
          return untilReady.get();
        }
      };

  @Test
  void refresh_whileNotReady_isRejectedWithTheTimeUntilTheNextAttemptAndCallsNothing() {
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      assertThatThrownBy(
              () ->
                  f.coordinator
                      .refresh(SessionKey.of("a"), Tokens.expired())
                      .toCompletableFuture()
                      .get(5, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              RefreshRejectedException.class,
              rejectedFor(RejectionReason.IDP_NOT_READY, Duration.ofSeconds(4)));
      assertThat(provider.calls()).isZero();
      assertThat(f.metrics.count("rejected.idp_not_ready")).isEqualTo(1);
      assertThat(f.coordinator.gauges().idpReady().getAsBoolean()).isFalse();
    }
  }

  @Test
  void refresh_manyTimesWhileNotReady_neitherOpensTheBreakerNorUsesTheSessionsAttempts()
      throws Exception {
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      SessionKey session = SessionKey.of("a");
      for (int i = 0; i < 20; i++) {
        f.coordinator.refresh(session, Tokens.expired()).toCompletableFuture().handle((t, e) -> e);
      }
      assertThat(f.coordinator.gauges().breakerState().get()).isEqualTo(BreakerState.CLOSED);

      untilReady.set(Optional.empty());
      TokenSet refreshed =
          f.coordinator
              .refresh(session, Tokens.expired())
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
      assertThat(refreshed).isNotNull();
      assertThat(provider.calls()).isEqualTo(1);
      assertThat(f.coordinator.gauges().idpReady().getAsBoolean()).isTrue();
    }
  }
}
