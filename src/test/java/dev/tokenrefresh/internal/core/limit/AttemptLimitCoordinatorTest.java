package dev.tokenrefresh.internal.core.limit;

import static dev.tokenrefresh.core.support.Rejections.rejectedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.support.Burst;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.RefreshSettings;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The attempt limit through the coordinator: a refresh loop is stopped; a legitimate session never
 * is.
 */
class AttemptLimitCoordinatorTest {

  private final SessionKey session = SessionKey.of("looping");
  private final ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();

  @Test
  void refresh_loopBeyondMaxAttempts_isRejectedWithCooldownAndTimeLeft() throws Exception {
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      // A provider that keeps answering expired tokens: the filter refreshes again at once.
      TokenSet last = refreshOneAfterAnother(f, 5, Duration.ofMillis(100));

      assertThatThrownBy(() -> f.awaitRefresh(session, last))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              RefreshRejectedException.class,
              rejectedFor(RejectionReason.COOLDOWN, Duration.ofSeconds(30)));
      assertThat(endpoint.calls()).isEqualTo(5);
      assertThat(f.metrics.count("cooldown")).isEqualTo(1);
      assertThat(f.metrics.count("rejected.cooldown")).isEqualTo(1);

      f.time.advance(Duration.ofSeconds(30));
      assertThat(f.awaitRefresh(session, last)).isNotNull();
      assertThat(endpoint.calls()).isEqualTo(6);
    }
  }

  @Test
  void refresh_legitimateSessionRefreshingEveryMinuteForADay_isNeverRejected() throws Exception {
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      refreshOneAfterAnother(f, 24 * 60, Duration.ofSeconds(60));

      assertThat(endpoint.calls()).isEqualTo(24 * 60);
      assertThat(f.metrics.count("cooldown")).isZero();
    }
  }

  @Test
  void refresh_joinsAndGraceReplays_areNotCountedAsAttempts() throws Exception {
    ScriptedEndpoint gated = ScriptedEndpoint.gated();
    RefreshSettings oneAttempt = RefreshSettings.builder().maxAttempts(1).build();
    try (CoordinatorFixture f = new CoordinatorFixture(oneAttempt, gated)) {
      TokenSet old = Tokens.expired();
      Burst.Result burst = Burst.run(50, f.coordinator::refresh, gated, old);
      assertThat(burst.failures()).isEmpty();

      // The burst's session: Burst derives it from the tokens' identity.
      SessionKey burstSession = SessionKey.of("session-" + System.identityHashCode(old));
      for (int i = 0; i < 10; i++) {
        assertThat(f.awaitRefresh(burstSession, old)).isEqualTo(burst.tokens().get(0));
      }
      assertThat(gated.calls()).isEqualTo(1);
      assertThat(f.metrics.count("cooldown")).isZero();
    }
  }

  @Test
  void refresh_refusedByTheBreaker_doesNotCountAsAnAttempt() throws Exception {
    endpoint.thenThrow(
        dev.tokenrefresh.core.error.IdpFaultException.of(
            dev.tokenrefresh.core.error.FaultKind.SERVER_ERROR, "503"));
    RefreshSettings settings =
        RefreshSettings.builder().breakerFailureThreshold(1).maxAttempts(2).build();
    try (CoordinatorFixture f = new CoordinatorFixture(settings, endpoint)) {
      TokenSet tokens = Tokens.expired();
      assertThatThrownBy(() -> f.awaitRefresh(session, tokens));
      for (int i = 0; i < 10; i++) {
        assertThatThrownBy(() -> f.awaitRefresh(session, tokens))
            .hasCauseInstanceOf(RefreshRejectedException.class);
      }
      assertThat(f.metrics.count("rejected.circuit_open")).isEqualTo(10);
      assertThat(f.metrics.count("cooldown")).isZero();
    }
  }

  /**
   * Refreshes the session {@code times} in a row, {@code apart} from each other, each time with the
   * tokens the last refresh answered, as the filter would; returns the last answer.
   */
  private TokenSet refreshOneAfterAnother(CoordinatorFixture f, int times, Duration apart)
      throws Exception {
    TokenSet tokens = Tokens.expired();
    for (int i = 0; i < times; i++) {
      tokens = f.awaitRefresh(session, tokens);
      f.time.advance(apart);
    }
    return tokens;
  }
}
