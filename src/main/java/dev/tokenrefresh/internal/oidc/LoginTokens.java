package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Objects;

/**
 * What a redeemed authorization code yields: the session's first token set and the claims of its ID
 * token, validated (signature, issuer, audience, expiry, nonce, authorized party). Immutable and
 * thread-safe; {@link #toString()} shows no token.
 *
 * @param tokens the session's first tokens, to hand to the token store
 * @param idTokenClaims the validated ID token's claims
 */
public record LoginTokens(dev.tokenrefresh.core.token.TokenSet tokens, JWTClaimsSet idTokenClaims) {

  /** Requires both. */
  public LoginTokens {
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(idTokenClaims, "idTokenClaims");
  }

  @Override
  public String toString() {
    return "LoginTokens[tokens=" + tokens + ", subject=" + idTokenClaims.getSubject() + "]";
  }
}
