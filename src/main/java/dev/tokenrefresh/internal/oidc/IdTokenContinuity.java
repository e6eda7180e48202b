package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;

/**
 * OpenID Connect Core §12.2: an ID token issued by a refresh must name the same {@code iss}, {@code
 * sub} and {@code aud} as the session's current one, and the same {@code auth_time} when both carry
 * it. A refresh that answers for another user or client is refused. Reads the claims only (the new
 * token's signature is checked by {@link IdTokenVerifier}; the current one was checked when it was
 * stored). Stateless.
 */
final class IdTokenContinuity {

  private IdTokenContinuity() {}

  /**
   * The name of the first claim that differs, or empty when the refreshed token continues the
   * current one, or either cannot be read (then there is nothing to compare).
   */
  static Optional<String> mismatch(String current, String refreshed) {
    Optional<JWTClaimsSet> before = UnverifiedJwt.claims(current);
    Optional<JWTClaimsSet> after = UnverifiedJwt.claims(refreshed);
    if (before.isEmpty() || after.isEmpty()) {
      return Optional.empty();
    }
    JWTClaimsSet b = before.get();
    JWTClaimsSet a = after.get();
    if (!Objects.equals(b.getIssuer(), a.getIssuer())) {
      return Optional.of("iss");
    }
    if (!Objects.equals(b.getSubject(), a.getSubject())) {
      return Optional.of("sub");
    }
    if (!new HashSet<>(b.getAudience()).equals(new HashSet<>(a.getAudience()))) {
      return Optional.of("aud");
    }
    Object authBefore = b.getClaim("auth_time");
    Object authAfter = a.getClaim("auth_time");
    if (authBefore != null && authAfter != null && !sameInstant(authBefore, authAfter)) {
      return Optional.of("auth_time");
    }
    return Optional.empty();
  }

  private static boolean sameInstant(Object x, Object y) {
    return toSeconds(x) == toSeconds(y);
  }

  private static long toSeconds(Object value) {
    if (value instanceof Date d) {
      return d.getTime() / 1000;
    }
    return value instanceof Number n ? n.longValue() : Long.MIN_VALUE;
  }
}
