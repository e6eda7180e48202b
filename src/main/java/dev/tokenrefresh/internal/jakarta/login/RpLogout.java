package dev.tokenrefresh.internal.jakarta.login;

import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.jakarta.cdi.RefreshEngine;
import dev.tokenrefresh.internal.oidc.login.Caller;
import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import dev.tokenrefresh.internal.oidc.login.LogoutRedirect;
import dev.tokenrefresh.jakarta.login.OidcLogin;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * RP-initiated logout: a POST carrying the session's CSRF token ends the session here and sends the
 * browser to the provider's end-session endpoint with {@code id_token_hint}, or straight to a
 * configured post-logout URI (never another: no open redirect). Thread-safe (stateless itself).
 */
final class RpLogout {

  private final RefreshEngine service;
  private final Supplier<RefreshEngine.Provider> provider;
  private final LoginSessions sessions;
  private final TokenStore store;
  private final List<URI> postLogoutRedirectUris;

  /**
   * @param provider the provider, or {@link OidcLoginMechanism.NotReadyException} while unknown
   */
  RpLogout(
      RefreshEngine service,
      Supplier<RefreshEngine.Provider> provider,
      LoginSessions sessions,
      TokenStore store,
      List<URI> postLogoutRedirectUris) {
    this.service = service;
    this.provider = provider;
    this.sessions = sessions;
    this.store = store;
    this.postLogoutRedirectUris = postLogoutRedirectUris;
  }

  /** Ends the session and answers the redirect, or throws the {@link LoginFailure}. */
  AuthenticationStatus logout(HttpServletRequest req, HttpServletResponse res) {
    Caller caller = LoginSessions.callerOf(req.getSession(false)).orElse(null);
    if (caller != null && !csrfMatches(req, caller.csrfToken())) {
      throw new LoginFailure(403, "invalid_csrf_token", "logout without the session's CSRF token");
    }
    Optional<URI> after =
        LogoutRedirect.afterLogout(
            req.getParameter("post_logout_redirect_uri"), postLogoutRedirectUris);
    String idToken =
        caller == null ? null : store.load(req).flatMap(TokenSet::idTokenValue).orElse(null);
    sessions.end(req);
    URI start = URI.create(req.getContextPath() + "/");
    URI target =
        caller == null
            ? after.orElse(start)
            : LogoutRedirect.target(
                service.provider().flatMap(p -> p.endpoints().endSession()),
                idToken,
                provider.get().tokenEndpoint().settings().clientId(),
                after,
                start);
    LoginAnswers.seeOther(res, target.toString());
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private static boolean csrfMatches(HttpServletRequest req, String expected) {
    String sent = req.getHeader("X-CSRF-Token");
    if (sent == null) {
      sent = req.getParameter(OidcLogin.CSRF_FIELD);
    }
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
