package dev.tokenrefresh.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A rotation whose result no request stored (every waiter gave up first) is kept until one of its
 * session's requests stores it, however long after rotation grace that request comes.
 */
class UndeliveredRotationTest {

  private final SessionKey session = SessionKey.of("session-a");

  @Test
  void refresh_afterEveryWaiterTimedOutAndGraceElapsed_getsTheLateRotationWithoutASecondCall()
      throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.hung();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet old = Tokens.expired();
      var waiter = f.startRefresh(session, old);
      endpoint.awaitEntered(1);
      f.time.advance(RefreshSettings.defaults().timeout());
      assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS)).hasMessageContaining("timeout");

      endpoint.open(); // the provider rotated after all, with nobody left waiting
      // The rotation is remembered on the call's pool thread; no second call is expected.
      f.awaitCallsFinished();
      assertThat(f.coordinator.gauges().graceEntries().getAsInt()).isEqualTo(1);
      f.time.advance(Duration.ofMinutes(5)); // far beyond rotation grace (30 s)
      TokenSet next = f.awaitRefresh(session, old);

      assertThat(next.refreshToken()).isNotEqualTo(old.refreshToken());
      assertThat(endpoint.calls())
          .as("the rotated refresh token is not redeemed again")
          .isEqualTo(1);
    }
  }

  @Test
  void negativeControl_aStoredRotation_expiresAfterGrace_soTheSameAssertionSeesASecondCall()
      throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet old = Tokens.expired();
      TokenSet fresh = f.awaitRefreshAndStore(session, old);

      f.time.advance(Duration.ofMinutes(5));
      f.awaitRefresh(session, old);

      assertThat(fresh).isNotNull();
      assertThat(endpoint.calls()).isEqualTo(2);
    }
  }
}
