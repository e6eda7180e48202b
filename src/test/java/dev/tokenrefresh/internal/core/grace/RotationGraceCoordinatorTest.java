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
import org.junit.jupiter.api.Test;

/**
 * Rotation grace through the coordinator: a request that read the session just before the new
 * tokens were saved gets them without a second provider call.
 */
class RotationGraceCoordinatorTest {

  private final SessionKey session = SessionKey.of("session-a");

  @Test
  void refresh_withJustRotatedTokenFromSameSession_getsNewTokensWithoutProviderCall()
      throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet old = Tokens.expired();
      TokenSet fresh = f.coordinator.refresh(session, old).toCompletableFuture().get();

      f.time.advance(Duration.ofSeconds(29));
      TokenSet late = f.coordinator.refresh(session, old).toCompletableFuture().get();

      assertThat(late).isEqualTo(fresh);
      assertThat(endpoint.calls()).isEqualTo(1);
      assertThat(f.metrics.count("grace")).isEqualTo(1);
    }
  }

  @Test
  void negativeControl_afterGraceOfAStoredRotation_theLateRequestRedeemsTheRotatedTokenAgain()
      throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet old = Tokens.expired();
      f.coordinator.refresh(session, old).toCompletableFuture().get();
      f.coordinator.stored(session, old);
      f.time.advance(Duration.ofSeconds(30));
      f.coordinator.refresh(session, old).toCompletableFuture().get();

      assertThat(endpoint.calls()).as("the reuse a rotating provider punishes").isEqualTo(2);
    }
  }

  @Test
  void refresh_withRotatedTokenFromAnotherSession_getsNoReplay() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet old = Tokens.expired();
      TokenSet fresh = f.coordinator.refresh(session, old).toCompletableFuture().get();
      TokenSet other =
          f.coordinator.refresh(SessionKey.of("session-b"), old).toCompletableFuture().get();

      assertThat(other).isNotEqualTo(fresh);
      assertThat(endpoint.calls()).isEqualTo(2);
      assertThat(f.metrics.count("grace")).isZero();
    }
  }

  @Test
  void refresh_afterGraceExpired_callsTheProviderAndCleanupRemovesTheEntry() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet old = Tokens.expired();
      f.coordinator.refresh(session, old).toCompletableFuture().get();
      f.coordinator.stored(session, old);
      assertThat(f.coordinator.graceEntries()).isEqualTo(1);

      f.time.advance(Duration.ofSeconds(30));
      f.coordinator.refresh(session, old).toCompletableFuture().get();
      f.coordinator.stored(session, old);
      assertThat(endpoint.calls()).isEqualTo(2);

      f.time.advance(Duration.ofSeconds(31));
      f.coordinator.cleanup();
      assertThat(f.coordinator.graceEntries()).isZero();
    }
  }

  @Test
  void refresh_withTokenRotatedTwice_getsTheNewestTokens() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet a = Tokens.expired();
      TokenSet b = f.coordinator.refresh(session, a).toCompletableFuture().get();
      TokenSet c = f.coordinator.refresh(session, b).toCompletableFuture().get();

      TokenSet late = f.coordinator.refresh(session, a).toCompletableFuture().get();

      assertThat(late).isEqualTo(c);
      assertThat(endpoint.calls()).isEqualTo(2);
    }
  }

  @Test
  void refresh_ofATokenJustRefusedAsDead_getsTheSameRefusalWithoutACall() throws Exception {
    ScriptedEndpoint endpoint =
        ScriptedEndpoint.immediate().thenThrow(new GrantRevokedException("invalid_grant"));
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet dead = Tokens.expired();
      assertThatThrownBy(() -> f.coordinator.refresh(session, dead).toCompletableFuture().get())
          .hasCauseInstanceOf(GrantRevokedException.class);

      // A request that read the tokens just before the filter cleared them.
      f.time.advance(Duration.ofSeconds(1));
      assertThatThrownBy(() -> f.coordinator.refresh(session, dead).toCompletableFuture().get())
          .hasCauseInstanceOf(GrantRevokedException.class)
          .cause()
          .hasMessageContaining("invalid_grant");

      assertThat(endpoint.calls()).as("the dead token is presented once").isEqualTo(1);
      assertThat(f.metrics.count("revoked")).isEqualTo(1);
      assertThat(f.metrics.count("grace")).isEqualTo(1);
    }
  }

  @Test
  void negativeControl_afterGrace_theLateRequestPresentsTheDeadTokenAgain() throws Exception {
    ScriptedEndpoint endpoint =
        ScriptedEndpoint.immediate().thenThrow(new GrantRevokedException("invalid_grant"));
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet dead = Tokens.expired();
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> f.coordinator.refresh(session, dead).toCompletableFuture().get())
            .hasCauseInstanceOf(GrantRevokedException.class);
        f.time.advance(Duration.ofSeconds(30));
      }
      assertThat(endpoint.calls()).isEqualTo(2);
    }
  }

  @Test
  void refusal_isRememberedForTheSameSessionOnly_andOnlyWithinGrace() throws Exception {
    ScriptedEndpoint endpoint =
        ScriptedEndpoint.immediate()
            .thenThrow(new GrantRevokedException("invalid_grant"))
            .thenThrow(new GrantRevokedException("invalid_grant"))
            .thenThrow(new GrantRevokedException("invalid_grant"));
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet dead = Tokens.expired();
      assertThatThrownBy(() -> f.coordinator.refresh(session, dead).toCompletableFuture().get())
          .hasCauseInstanceOf(GrantRevokedException.class);

      assertThatThrownBy(
              () ->
                  f.coordinator
                      .refresh(SessionKey.of("session-b"), dead)
                      .toCompletableFuture()
                      .get())
          .hasCauseInstanceOf(GrantRevokedException.class);
      assertThat(endpoint.calls()).as("another session learns nothing from this one").isEqualTo(2);

      f.time.advance(Duration.ofSeconds(30));
      assertThatThrownBy(() -> f.coordinator.refresh(session, dead).toCompletableFuture().get())
          .hasCauseInstanceOf(GrantRevokedException.class);
      assertThat(endpoint.calls()).as("after grace the provider is asked again").isEqualTo(3);
    }
  }
}
