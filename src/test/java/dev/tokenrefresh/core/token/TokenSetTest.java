package dev.tokenrefresh.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The refresh decision made on every request. */
class TokenSetTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration AHEAD = Duration.ofSeconds(30);

  @Test
  void needsRefresh_withAnExpiryBeyondTheEpochMillisecondRange_neverThrows() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    TokenSet farFuture = new TokenSet("a", "r", null, Instant.MAX, now);
    TokenSet farPast = new TokenSet("a", "r", null, Instant.MIN, Instant.MIN);

    assertThat(farFuture.needsRefresh(now, Duration.ofSeconds(30))).isFalse();
    assertThat(farPast.needsRefresh(now, Duration.ofSeconds(30))).isTrue();
  }

  @Test
  void needsRefresh_validLongerThanRefreshAhead_isFalse() {
    assertRefreshNeededFrom(tokens(T0, T0.plusSeconds(300)), T0.plusSeconds(270));
  }

  @Test
  void needsRefresh_expired_isTrue() {
    assertThat(tokens(T0, T0.plusSeconds(300)).needsRefresh(T0.plusSeconds(301), AHEAD)).isTrue();
  }

  @Test
  void needsRefresh_shortLivedToken_capsTheMarginAtHalfItsLifetime() {
    // A 10 s token with a 30 s refresh-ahead would otherwise be "expiring" from birth: a loop.
    assertRefreshNeededFrom(tokens(T0, T0.plusSeconds(10)), T0.plusSeconds(5));
  }

  @Test
  void constructor_rejectsBlankTokens() {
    assertThatThrownBy(() -> new TokenSet(" ", "r", null, T0, T0))
        .hasMessage("access token must be present and non-blank");
    assertThatThrownBy(() -> new TokenSet("a", null, null, T0, T0))
        .hasMessage("refresh token must be present and non-blank");
  }

  private static TokenSet tokens(Instant issued, Instant expires) {
    return new TokenSet("a", "r", null, expires, issued);
  }

  /** {@code tokens} need no refresh a second before {@code from}, and need one at {@code from}. */
  private static void assertRefreshNeededFrom(TokenSet tokens, Instant from) {
    assertThat(tokens.needsRefresh(from.minusSeconds(1), AHEAD)).isFalse();
    assertThat(tokens.needsRefresh(from, AHEAD)).isTrue();
  }
}
