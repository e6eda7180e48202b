package dev.tokenrefresh.internal.core.grace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rotation grace through the coordinator: a request that read the session just before the new
 * tokens were saved gets them without a second provider call.
 */
class RotationGraceCoordinatorTest {

  private final SessionKey session = SessionKey.of("session-a");
  private final ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
  private final CoordinatorFixture f = new CoordinatorFixture(endpoint);

  @AfterEach
  void stopFixture() {
    f.close();
  }

  @Test
  void refresh_withJustRotatedTokenFromSameSession_getsNewTokensWithoutProviderCall()
      throws Exception {
    TokenSet old = Tokens.expired();
    TokenSet fresh = f.awaitRefresh(session, old);

    f.time.advance(Duration.ofSeconds(29));
    TokenSet late = f.awaitRefresh(session, old);

    assertThat(late).isEqualTo(fresh);
    assertThat(endpoint.calls()).isEqualTo(1);
    assertThat(f.metrics.count("grace")).isEqualTo(1);
  }

  @Test
  void negativeControl_afterGraceOfAStoredRotation_theLateRequestRedeemsTheRotatedTokenAgain()
      throws Exception {
    TokenSet old = Tokens.expired();
    f.awaitRefreshAndStore(session, old);
    f.time.advance(Duration.ofSeconds(30));
    f.awaitRefresh(session, old);

    assertThat(endpoint.calls()).as("the reuse a rotating provider punishes").isEqualTo(2);
  }

  @Test
  void refresh_withRotatedTokenFromAnotherSession_getsNoReplay() throws Exception {
    TokenSet old = Tokens.expired();
    TokenSet fresh = f.awaitRefresh(session, old);
    TokenSet other = f.awaitRefresh(SessionKey.of("session-b"), old);

    assertThat(other).isNotEqualTo(fresh);
    assertThat(endpoint.calls()).isEqualTo(2);
    assertThat(f.metrics.count("grace")).isZero();
  }

  @Test
  void refresh_afterGraceExpired_callsTheProviderAndCleanupRemovesTheEntry() throws Exception {
    TokenSet old = Tokens.expired();
    f.awaitRefreshAndStore(session, old);
    assertThat(f.coordinator.gauges().graceEntries().getAsInt()).isEqualTo(1);

    f.time.advance(Duration.ofSeconds(30));
    f.awaitRefreshAndStore(session, old);
    assertThat(endpoint.calls()).isEqualTo(2);

    f.time.advance(Duration.ofSeconds(31));
    f.coordinator.cleanup();
    assertThat(f.coordinator.gauges().graceEntries().getAsInt()).isZero();
  }

  @Test
  void refresh_withTokenRotatedTwice_getsTheNewestTokens() throws Exception {
    TokenSet a = Tokens.expired();
    TokenSet b = f.awaitRefresh(session, a);
    TokenSet c = f.awaitRefresh(session, b);

    TokenSet late = f.awaitRefresh(session, a);

    assertThat(late).isEqualTo(c);
    assertThat(endpoint.calls()).isEqualTo(2);
  }

  @Test
  void refresh_ofATokenJustRefusedAsDead_getsTheSameRefusalWithoutACall() throws Exception {
    endpoint.thenThrow(new GrantRevokedException("invalid_grant"));
    TokenSet dead = Tokens.expired();
    assertThatThrownBy(() -> f.awaitRefresh(session, dead))
        .hasCauseInstanceOf(GrantRevokedException.class);

    // A request that read the tokens just before the filter cleared them.
    f.time.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> f.awaitRefresh(session, dead))
        .hasCauseInstanceOf(GrantRevokedException.class)
        .cause()
        .hasMessageContaining("invalid_grant");

    assertThat(endpoint.calls()).as("the dead token is presented once").isEqualTo(1);
    assertThat(f.metrics.count("revoked")).isEqualTo(1);
    assertThat(f.metrics.count("grace")).isEqualTo(1);
  }

  @Test
  void negativeControl_afterGrace_theLateRequestPresentsTheDeadTokenAgain() throws Exception {
    endpoint.thenThrow(new GrantRevokedException("invalid_grant"));
    TokenSet dead = Tokens.expired();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> f.awaitRefresh(session, dead))
          .hasCauseInstanceOf(GrantRevokedException.class);
      f.time.advance(Duration.ofSeconds(30));
    }
    assertThat(endpoint.calls()).isEqualTo(2);
  }

  @Test
  void refusal_isRememberedForTheSameSessionOnly_andOnlyWithinGrace() throws Exception {
    endpoint
        .thenThrow(new GrantRevokedException("invalid_grant"))
        .thenThrow(new GrantRevokedException("invalid_grant"))
        .thenThrow(new GrantRevokedException("invalid_grant"));
    TokenSet dead = Tokens.expired();
    assertThatThrownBy(() -> f.awaitRefresh(session, dead))
        .hasCauseInstanceOf(GrantRevokedException.class);

    assertThatThrownBy(() -> f.awaitRefresh(SessionKey.of("session-b"), dead))
        .hasCauseInstanceOf(GrantRevokedException.class);
    assertThat(endpoint.calls()).as("another session learns nothing from this one").isEqualTo(2);

    f.time.advance(Duration.ofSeconds(30));
    assertThatThrownBy(() -> f.awaitRefresh(session, dead))
        .hasCauseInstanceOf(GrantRevokedException.class);
    assertThat(endpoint.calls()).as("after grace the provider is asked again").isEqualTo(3);
  }
}
