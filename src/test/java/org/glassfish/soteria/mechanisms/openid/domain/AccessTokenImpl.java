package org.glassfish.soteria.mechanisms.openid.domain;

import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.Scope;

/** Double of Soteria's access token, with its constructor; expired when {@code expiresIn <= 0}. */
public class AccessTokenImpl extends JwtTokenDouble implements AccessToken {

  public final String tokenType;
  public final Long expiresIn;
  public final String scope;

  public AccessTokenImpl(
      String tokenType, String token, Long expiresIn, String scope, long tokenMinValidity) {
    super(token, tokenMinValidity);
    this.tokenType = tokenType;
    this.expiresIn = expiresIn;
    this.scope = scope;
  }

  @Override
  public boolean isJWT() {
    return true;
  }

  @Override
  public Object getClaim(String key) {
    return null;
  }

  @Override
  public Long getExpirationTime() {
    return expiresIn;
  }

  @Override
  public boolean isExpired() {
    return expiresIn <= 0;
  }

  @Override
  public Scope getScope() {
    return scope == null ? null : Scope.parse(scope);
  }

  @Override
  public Type getType() {
    return Type.valueOf(tokenType.toUpperCase(java.util.Locale.ROOT));
  }
}
