package org.glassfish.soteria.mechanisms.openid.domain;

import jakarta.json.JsonObject;
import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.security.enterprise.identitystore.openid.RefreshToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/** Double of Soteria's session-scoped context: plain fields with Soteria's setters. */
public class OpenIdContextImpl implements OpenIdContext {

  private static final long serialVersionUID = 1L;

  private transient AccessToken accessToken;
  private transient IdentityToken identityToken;
  private transient RefreshToken refreshToken;
  private Long expiresIn;

  @Override
  public String getSubject() {
    return "alice";
  }

  @Override
  public String getTokenType() {
    return "Bearer";
  }

  @Override
  public AccessToken getAccessToken() {
    return accessToken;
  }

  public void setAccessToken(AccessToken token) {
    accessToken = token;
  }

  @Override
  public IdentityToken getIdentityToken() {
    return identityToken;
  }

  public void setIdentityToken(IdentityToken token) {
    identityToken = token;
  }

  @Override
  public Optional<RefreshToken> getRefreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  public void setRefreshToken(RefreshToken token) {
    refreshToken = token;
  }

  @Override
  public Optional<Long> getExpiresIn() {
    return Optional.ofNullable(expiresIn);
  }

  public void setExpiresIn(Long seconds) {
    expiresIn = seconds;
  }

  @Override
  public JsonObject getClaimsJson() {
    throw new UnsupportedOperationException();
  }

  @Override
  public OpenIdClaims getClaims() {
    throw new UnsupportedOperationException("the adapter must not call the user-info endpoint");
  }

  @Override
  public JsonObject getProviderMetadata() {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> Optional<T> getStoredValue(
      HttpServletRequest request, HttpServletResponse response, String key) {
    return Optional.empty();
  }
}
