package org.glassfish.soteria.mechanisms.openid.domain;

import jakarta.security.enterprise.identitystore.openid.RefreshToken;

/** Double of Soteria's refresh token. */
public class RefreshTokenImpl implements RefreshToken {

  private final String token;

  public RefreshTokenImpl(String token) {
    this.token = token;
  }

  @Override
  public String getToken() {
    return token;
  }
}
