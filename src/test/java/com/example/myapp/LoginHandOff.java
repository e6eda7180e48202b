package com.example.myapp;

import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.cdi.TokenRefreshService;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The end of your own login: the callback has checked {@code state}, redeemed the code and
 * validated the ID token with its nonce (the example's {@code manual/OwnLoginCallback} is the
 * same); the module takes the tokens from here. Thread-safe (stateless).
 */
@ApplicationScoped
public class LoginHandOff {

  @Inject TokenRefreshService refresh;
  @Inject TokenStore store;

  /**
   * Makes the login's tokens the session's; the session exists already (created when the login
   * started, to keep state, nonce and the PKCE verifier).
   *
   * @throws IllegalArgumentException when the tokens are unusable, e.g. no refresh token
   * @throws IllegalStateException while the provider has not been reached yet
   */
  public void loggedIn(HttpServletRequest request, Tokens fromCodeExchange) {
    TokenSet first = refresh.tokensFromLogin(fromCodeExchange); // checked like a refreshed set
    request.changeSessionId(); // the session is now authenticated: a new id
    store.save(request, first);
  }
}
