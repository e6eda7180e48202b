package dev.tokenrefresh.core.support;

import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds token sets with recognisable, unique values for tests. */
public final class Tokens {

  /** Marks every test secret, so that a test can search output for a leak. */
  public static final String SECRET_MARK = "s3cr3t";

  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Tokens() {}

  /** A set whose access token expired a second ago. */
  public static TokenSet expired() {
    return withRefreshToken(SECRET_MARK + "-refresh-" + SERIAL.incrementAndGet());
  }

  /** An expired set holding the given refresh token. */
  public static TokenSet withRefreshToken(String refreshToken) {
    return new TokenSet(
        SECRET_MARK + "-access-" + SERIAL.incrementAndGet(),
        refreshToken,
        null,
        T0.minusSeconds(1),
        T0.minusSeconds(301));
  }

  /** A fresh set, as a provider's answer would be: new access and refresh tokens. */
  public static TokenSet rotated() {
    int n = SERIAL.incrementAndGet();
    return new TokenSet(
        SECRET_MARK + "-access-" + n,
        SECRET_MARK + "-refresh-" + n,
        SECRET_MARK + "-id-" + n,
        T0.plus(Duration.ofMinutes(5)),
        T0);
  }
}
