package org.glassfish.soteria.mechanisms.openid.domain;

import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import java.util.List;
import java.util.Map;

/**
 * What the doubles of Soteria's access and ID tokens share (Soteria itself has no such class): the
 * token, the {@code tokenMinValidity} the adapter passes to their constructors, and the {@code
 * groups} claim a test sets. Not thread-safe.
 */
public abstract class JwtTokenDouble {

  public final String token;
  public final long tokenMinValidity;
  public List<String> groups = List.of();

  JwtTokenDouble(String token, long tokenMinValidity) {
    this.token = token;
    this.tokenMinValidity = tokenMinValidity;
  }

  public String getToken() {
    return token;
  }

  public JwtClaims getJwtClaims() {
    return Claims.withArray(groups);
  }

  public Map<String, Object> getClaims() {
    return Map.of();
  }
}
