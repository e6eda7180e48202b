package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the session's next {@link TokenSet} from a successful token response: bounds every token's
 * size, validates the ID token, keeps the current refresh and ID tokens when the provider sent
 * none, and computes the access token's expiry once. Thread-safe.
 *
 * @param idTokens validates every ID token the provider sends
 * @param defaultLifetime the access token's lifetime when neither {@code expires_in} nor a JWT
 *     {@code exp} gives one
 * @param maxTokenSize the longest token accepted, in characters
 */
record TokenSetAssembler(IdTokenVerifier idTokens, Duration defaultLifetime, int maxTokenSize) {

  private static final Logger LOG = Logger.getLogger(TokenSetAssembler.class.getName());

  /**
   * The longest access-token lifetime believed: a longer {@code expires_in} or JWT {@code exp} is
   * cut to this, so the session refreshes at least daily.
   */
  static final Duration MAX_LIFETIME = Duration.ofDays(1);

  /** An {@code expires_in} beyond this is not a lifetime but garbage: a malformed answer. */
  static final Duration MALFORMED_LIFETIME = Duration.ofDays(366);

  /**
   * @param current the session's tokens, whose refresh and ID tokens are kept when the provider
   *     sends none; {@code null} at login, where the response must carry a refresh token
   */
  TokenSet assemble(Tokens tokens, TokenSet current, Instant issuedAt) {
    AccessToken access = tokens.getAccessToken();
    String accessToken = bounded("access token", access == null ? null : access.getValue());
    String refreshToken =
        tokens.getRefreshToken() == null
            ? current.refreshToken()
            : bounded("refresh token", tokens.getRefreshToken().getValue());
    String idToken = current == null ? null : current.idToken();
    if (tokens instanceof OIDCTokens oidc && oidc.getIDTokenString() != null) {
      idToken =
          current == null
              ? verifiedAtLogin(oidc.getIDTokenString())
              : afterRefresh(current.idToken(), oidc.getIDTokenString());
    }
    return new TokenSet(accessToken, refreshToken, idToken, expiry(access, issuedAt), issuedAt);
  }

  /**
   * The first token set of a login whose ID token the caller has already validated (with its
   * nonce): sizes are checked, the ID token is not verified twice.
   */
  TokenSet assembleVerifiedLogin(Tokens tokens, String verifiedIdToken, Instant issuedAt) {
    AccessToken access = tokens.getAccessToken();
    String accessToken = bounded("access token", access == null ? null : access.getValue());
    String refreshToken = bounded("refresh token", tokens.getRefreshToken().getValue());
    String idToken = bounded("ID token", verifiedIdToken);
    return new TokenSet(accessToken, refreshToken, idToken, expiry(access, issuedAt), issuedAt);
  }

  private String verifiedAtLogin(String idToken) {
    bounded("ID token", idToken);
    idTokens.verify(idToken);
    return idToken;
  }

  /**
   * The ID token to keep after a refresh. The provider has already rotated the refresh token, so an
   * ID token that cannot be verified (too large, invalid, or the JWK set unreachable) never
   * discards the new access and refresh tokens: it is not stored, and the session keeps its
   * previous ID token. One that names another user or client (OIDC Core §12.2) refuses the whole
   * refresh as a dead grant: the user logs in again.
   *
   * @throws GrantRevokedException {@code id_token_mismatch}
   */
  private String afterRefresh(String previous, String candidate) {
    try {
      verifiedAtLogin(candidate);
    } catch (IdpFaultException unverifiable) {
      LOG.log(
          Level.WARNING,
          "refreshed ID token not stored, the previous one is kept: {0}",
          unverifiable.getMessage());
      return previous;
    }
    Optional<String> differs = IdTokenContinuity.mismatch(previous, candidate);
    if (differs.isPresent()) {
      LOG.log(Level.WARNING, "refreshed ID token has another {0}: refresh refused", differs.get());
      throw new GrantRevokedException("id_token_mismatch");
    }
    return candidate;
  }

  /**
   * {@code expires_in} when sent; else the access token's own {@code exp} when it is a JWT (read
   * without checking its signature: it only schedules the next refresh); else the default.
   */
  private Instant expiry(AccessToken access, Instant issuedAt) {
    long lifetime = access.getLifetime();
    if (lifetime > MALFORMED_LIFETIME.toSeconds()) {
      throw IdpFaultException.of(
          FaultKind.MALFORMED_RESPONSE,
          "expires_in beyond " + MALFORMED_LIFETIME.toDays() + " days");
    }
    Instant latest = issuedAt.plus(MAX_LIFETIME);
    Instant expiry =
        lifetime > 0
            ? issuedAt.plusSeconds(lifetime)
            : jwtExpiry(access.getValue()).orElse(issuedAt.plus(defaultLifetime));
    return expiry.isAfter(latest) ? latest : expiry;
  }

  private static Optional<Instant> jwtExpiry(String token) {
    return UnverifiedJwt.claims(token).map(JWTClaimsSet::getExpirationTime).map(Date::toInstant);
  }

  private String bounded(String what, String token) {
    if (token == null || token.isBlank()) {
      throw IdpFaultException.of(FaultKind.MALFORMED_RESPONSE, "the " + what + " is missing");
    }
    if (token.length() > maxTokenSize) {
      throw IdpFaultException.of(
          FaultKind.MALFORMED_RESPONSE,
          "the "
              + what
              + " exceeds "
              + OidcClientSettings.PREFIX
              + "max-token-size ("
              + maxTokenSize
              + ")");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        // RFC 6749 A.12/A.17: tokens are VSCHARs. A control character (CR, LF, NUL) would split the
        // Authorization header an application builds from it; anything else is not a token.
        throw IdpFaultException.of(
            FaultKind.MALFORMED_RESPONSE,
            "the " + what + " holds a character outside RFC 6749's VSCHAR (position " + i + ")");
      }
    }
    return token;
  }
}
