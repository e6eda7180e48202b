package org.glassfish.soteria.mechanisms.openid.domain;

import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.Scope;
import java.util.List;
import java.util.Map;

/** Double of Soteria's access token, with its constructor; expired when {@code expiresIn <= 0}. */
public class AccessTokenImpl implements AccessToken {

  public final String tokenType;
  public final String token;
  public final Long expiresIn;
  public final String scope;
  public final long tokenMinValidity;
  public List<String> groups = List.of();

  public AccessTokenImpl(
      String tokenType, String token, Long expiresIn, String scope, long tokenMinValidity) {
    this.tokenType = tokenType;
    this.token = token;
    this.expiresIn = expiresIn;
    this.scope = scope;
    this.tokenMinValidity = tokenMinValidity;
  }

  @Override
  public String getToken() {
    return token;
  }

  @Override
  public boolean isJWT() {
    return true;
  }

  @Override
  public JwtClaims getJwtClaims() {
    return Claims.withArray(groups);
  }

  @Override
  public Map<String, Object> getClaims() {
    return Map.of();
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
