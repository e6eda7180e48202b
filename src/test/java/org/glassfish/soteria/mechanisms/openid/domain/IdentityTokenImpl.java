package org.glassfish.soteria.mechanisms.openid.domain;

import jakarta.security.enterprise.identitystore.openid.IdentityToken;

/**
 * Double of Soteria's ID token: a token starting with {@code "bad"} is refused with a message that
 * quotes it, as a careless implementation would; expired when it starts with {@code "expired"}.
 */
public class IdentityTokenImpl extends JwtTokenDouble implements IdentityToken {

  public IdentityTokenImpl(String token, long tokenMinValidity) {
    super(token, tokenMinValidity);
    if (token.startsWith("bad")) {
      throw new IllegalStateException("cannot parse " + token);
    }
  }

  @Override
  public boolean isExpired() {
    return token.startsWith("expired");
  }
}
