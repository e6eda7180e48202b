package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Optional;

/**
 * Reads a token that may or may not be a JWT, where "not a JWT" is an answer and not an error: an
 * opaque access token, an absent ID token, an encrypted one whose claims cannot be read. Verifies
 * nothing: what it returns is only fit for what needs no trust (an expiry hint, a logout hint,
 * claims of a token the provider already answered for). Stateless.
 */
public final class UnverifiedJwt {

  private UnverifiedJwt() {}

  /** {@code token} parsed as a JWT; empty when it is {@code null} or not one. */
  public static Optional<JWT> parse(String token) {
    if (token == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JWTParser.parse(token));
    } catch (ParseException | RuntimeException notAJwt) {
      return Optional.empty();
    }
  }

  /**
   * The claims of {@code token}; empty when it is {@code null}, not a JWT or its claims are not
   * readable.
   */
  public static Optional<JWTClaimsSet> claims(String token) {
    return parse(token).flatMap(UnverifiedJwt::claims);
  }

  private static Optional<JWTClaimsSet> claims(JWT jwt) {
    try {
      return Optional.ofNullable(jwt.getJWTClaimsSet());
    } catch (ParseException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
