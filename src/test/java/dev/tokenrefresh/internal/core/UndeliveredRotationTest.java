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
  private final TokenSet old = Tokens.expired();

  @Test
  void refresh_afterEveryWaiterTimedOutAndGraceElapsed_getsTheLateRotationWithoutASecondCall()
      throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.hung();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      var waiter = f.startRefresh(session, old);
      endpoint.awaitEntered(1);
      f.time.advance(RefreshSettings.defaults().timeout());
      assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS)).hasMessageContaining("timeout");

      endpoint.open(); // the provider rotated after all, with nobody left waiting
      // The rotation is remembered on the call's pool thread; no second call is expected.
      f.awaitCallsFinished();
      assertThat(f.coordinator.gauges().graceEntries().getAsInt()).isEqualTo(1);
      TokenSet next = refreshLongAfterGrace(f);

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
      assertThat(f.awaitRefreshAndStore(session, old)).isNotNull();

      refreshLongAfterGrace(f);

      assertThat(endpoint.calls()).isEqualTo(2);
    }
  }

  /**
   * Lets far more than rotation grace (30 s) pass, then refreshes {@link #old} again: the same gap
   * for the test and its negative control, so that only how the first rotation ended differs.
   */
  private TokenSet refreshLongAfterGrace(CoordinatorFixture f) throws Exception {
    f.time.advance(Duration.ofMinutes(5));
    return f.awaitRefresh(session, old);
  }
}
