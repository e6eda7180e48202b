package dev.tokenrefresh.core.token;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokens of one session: what the identity provider issued at login or at the last refresh. The
 * access token's expiry is computed once, when the set is built, so that deciding whether a request
 * needs a refresh never parses a token. Immutable and thread-safe; {@link #toString()} never shows
 * a token.
 *
 * @param accessToken the access token (opaque or JWT), never blank
 * @param refreshToken the refresh token, never blank
 * @param idToken the ID token, or {@code null} when the provider sent none
 * @param accessTokenExpiresAt when the access token stops being valid
 * @param issuedAt when this set was obtained; with the expiry it gives the token's lifetime
 */
public record TokenSet(
    String accessToken,
    String refreshToken,
    String idToken,
    Instant accessTokenExpiresAt,
    Instant issuedAt)
    implements Serializable {

  /** Validates that the set can be used and refreshed. */
  public TokenSet {
    requireText(accessToken, "access token");
    requireText(refreshToken, "refresh token");
    if (idToken != null && idToken.isBlank()) {
      throw new IllegalArgumentException("id token must be absent or non-blank");
    }
    Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  /** The ID token, when the provider sent one. */
  public Optional<String> idTokenValue() {
    return Optional.ofNullable(idToken);
  }

  /** The fingerprint of the refresh token: the key of its refresh flight. */
  public Fingerprint refreshTokenFingerprint() {
    return Fingerprint.of(refreshToken);
  }

  /**
   * Whether the access token must be refreshed at {@code now}: it has expired, or expires within
   * the refresh-ahead margin. The margin is capped at half the token's lifetime, so that a provider
   * issuing short-lived tokens (10 s) does not make every fresh token look expired.
   */
  public boolean needsRefresh(Instant now, Duration refreshAhead) {
    // Milliseconds as longs: this runs on every request, so it allocates nothing. Saturated, so
    // that no instant (a provider's absurd expiry, a deserialised session) makes it throw.
    long expiresAt = millis(accessTokenExpiresAt);
    long halfLife = Math.max(0, (expiresAt - millis(issuedAt)) / 2);
    long margin = Math.min(refreshAhead.toMillis(), halfLife);
    return millis(now) >= expiresAt - margin;
  }

  /** Epoch milliseconds clamped to ±2^61, so that differences of two never overflow. */
  private static long millis(Instant instant) {
    long bound = 1L << 61;
    long seconds = instant.getEpochSecond();
    if (seconds > bound / 1000) {
      return bound;
    }
    if (seconds < -bound / 1000) {
      return -bound;
    }
    return instant.toEpochMilli();
  }

  @Override
  public String toString() {
    return "TokenSet[accessToken=[redacted], refreshToken=[redacted], idToken="
        + (idToken == null ? "absent" : "[redacted]")
        + ", accessTokenExpiresAt="
        + accessTokenExpiresAt
        + ", issuedAt="
        + issuedAt
        + "]";
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must be present and non-blank");
    }
  }
}
