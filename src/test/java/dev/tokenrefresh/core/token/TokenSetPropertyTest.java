package dev.tokenrefresh.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tokenrefresh.property.Gen;
import dev.tokenrefresh.property.Tries;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tokens of any size and shape, as a provider or a login may hand them over: a {@link TokenSet} is
 * either refused with an {@link IllegalArgumentException} or usable on every request (its expiry
 * readable, its {@code toString()} free of tokens); a {@link Fingerprint} of any text is a stable
 * SHA-256 digest that shows nothing of it.
 */
class TokenSetPropertyTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  /**
   * Issue 13, finding 7 (an unbounded expiry makes permanent 500s): before the fix, a set whose
   * instants lie beyond epoch milliseconds was accepted and then threw ArithmeticException from
   * {@code needsRefresh} on every request.
   */
  @Test
  void tokenSet_ofAnyTokensAndInstants_isRefusedOrUsableOnEveryRequest() {
    Tries.run(
        1_000,
        r -> {
          String access = token(r);
          String refresh = token(r);
          String id = Gen.chance(r, 0.3) ? null : token(r);
          Instant expiresAt = Gen.instant(r, NOW);
          Instant issuedAt = Gen.instant(r, NOW);
          TokenSet set;
          try {
            set = new TokenSet(access, refresh, id, expiresAt, issuedAt);
          } catch (IllegalArgumentException refused) {
            return;
          }
          assertThatCode(() -> set.needsRefresh(NOW, Duration.ofSeconds(30)))
              .as("a stored set is usable: expiry %s, issued %s", expiresAt, issuedAt)
              .doesNotThrowAnyException();
          assertThat(set.toString())
              .isEqualTo(
                  "TokenSet[accessToken=[redacted], refreshToken=[redacted], idToken="
                      + (id == null ? "absent" : "[redacted]")
                      + ", accessTokenExpiresAt="
                      + expiresAt
                      + ", issuedAt="
                      + issuedAt
                      + "]");
        });
  }

  @Test
  void fingerprint_ofAnyText_isAStableDigestThatShowsNoSecret() {
    Tries.run(
        1_000,
        r -> {
          String secret = token(r);
          Fingerprint f = Fingerprint.of(secret);

          assertThat(f).isEqualTo(Fingerprint.of(new String(secret.toCharArray())));
          assertThat(f.hex()).matches("[0-9a-f]{64}").startsWith(f.shortForm());
          assertThat(f.toString()).isEqualTo("sha256:" + f.shortForm());
          assertThat(Fingerprint.of(secret + "x")).isNotEqualTo(f);
        });
  }

  /** Any text, now and then 64 KiB of it. */
  private static String token(Random r) {
    return Gen.chance(r, 0.02) ? Gen.alnum(r, 65_536) : Gen.text(r, 2_000);
  }
}
