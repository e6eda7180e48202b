package org.glassfish.soteria.mechanisms.openid.domain;

import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import java.util.List;
import java.util.Map;

/**
 * Double of Soteria's ID token: a token starting with {@code "bad"} is refused with a message that
 * quotes it, as a careless implementation would; expired when it starts with {@code "expired"}.
 */
public class IdentityTokenImpl implements IdentityToken {

  public final String token;
  public final long tokenMinValidity;
  public List<String> groups = List.of();

  public IdentityTokenImpl(String token, long tokenMinValidity) {
    if (token.startsWith("bad")) {
      throw new IllegalStateException("cannot parse " + token);
    }
    this.token = token;
    this.tokenMinValidity = tokenMinValidity;
  }

  @Override
  public String getToken() {
    return token;
  }

  @Override
  public JwtClaims getJwtClaims() {
    return Claims.withArray(groups);
  }

  @Override
  public boolean isExpired() {
    return token.startsWith("expired");
  }

  @Override
  public Map<String, Object> getClaims() {
    return Map.of();
  }
}
