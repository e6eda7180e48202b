package dev.tokenrefresh.internal.jakarta.login;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.internal.jakarta.cdi.RefreshEngine;
import dev.tokenrefresh.internal.oidc.LoginTokens;
import dev.tokenrefresh.internal.oidc.ProviderEndpoints;
import dev.tokenrefresh.internal.oidc.TokenRejectedException;
import dev.tokenrefresh.internal.oidc.login.AuthorizationRedirect;
import dev.tokenrefresh.internal.oidc.login.CallbackCheck;
import dev.tokenrefresh.internal.oidc.login.Caller;
import dev.tokenrefresh.internal.oidc.login.CallerMapping;
import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import dev.tokenrefresh.internal.oidc.login.LoginSettings;
import dev.tokenrefresh.internal.oidc.login.PendingLogin;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The authorization code flow of a login: its start (a pending login in the session, the browser
 * sent to the provider with PKCE, {@code state} and {@code nonce}) and its callback (the pending
 * login checked and taken, the code redeemed, the ID token's caller mapped, the session id changed,
 * the tokens saved). Thread-safe (state lives in the session).
 *
 * @param provider the provider, or {@link OidcLoginMechanism.NotReadyException} while unknown
 * @param sessions the logged-in sessions
 * @param store where the tokens of a completed login are saved
 * @param settings the login's settings
 * @param mapping maps the ID token's claims to the caller
 * @param clock the time of the pending login's start and check
 */
record CodeFlow(
    Supplier<RefreshEngine.Provider> provider,
    LoginSessions sessions,
    TokenStore store,
    LoginSettings settings,
    CallerMapping mapping,
    Clock clock) {

  private static final Logger LOG = Logger.getLogger(CodeFlow.class.getName());

  /** Session attribute: the {@link PendingLogin}. */
  static final String PENDING = "dev.tokenrefresh.login.pending";

  /** Sends the browser to the provider with a new pending login in its session. */
  AuthenticationStatus start(
      HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
    RefreshEngine.Provider provider = this.provider.get();
    URI authorize =
        provider
            .endpoints()
            .authorization()
            .orElseThrow(
                () ->
                    new LoginFailure(
                        502,
                        "idp_misconfigured",
                        "the provider names no authorization endpoint (set"
                            + " token-refresh.oidc.authorization-endpoint)"));
    PendingLogin login =
        PendingLogin.start(redirectUri(req), LoginRequests.returnTo(req), clock.instant());
    req.getSession(true).setAttribute(PENDING, login);
    String clientId = provider.tokenEndpoint().settings().clientId();
    res.setHeader("Cache-Control", "no-store");
    return ctx.redirect(
        AuthorizationRedirect.to(authorize, clientId, settings.scope(), login).toString());
  }

  /** The provider's redirect back: completes the login or throws the {@link LoginFailure}. */
  AuthenticationStatus callback(HttpServletRequest req, HttpServletResponse res) {
    res.setHeader("Cache-Control", "no-store");
    PendingLogin pending = takePending(req);
    RefreshEngine.Provider provider = this.provider.get();
    ProviderEndpoints endpoints = provider.endpoints();
    AuthorizationCode code =
        CallbackCheck.codeOf(
            pending,
            callbackUri(req),
            endpoints.issuer(),
            clock.instant(),
            settings.pendingLoginTimeout());
    LoginTokens tokens = redeem(provider, code, pending);
    Caller caller =
        mapping.caller(
            tokens.idTokenClaims(), tokens.tokens().accessToken(), new State().getValue());
    sessions.ended(SessionKey.of(req.getSession(false).getId()));
    req.changeSessionId(); // the session is now authenticated: no fixation
    store.save(req, tokens.tokens());
    sessions.loggedIn(req.getSession(false), caller);
    LOG.fine(() -> "login: " + caller.name() + " logged in");
    LoginAnswers.seeOther(res, req.getContextPath() + pending.returnTo());
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private static PendingLogin takePending(HttpServletRequest req) {
    HttpSession session = req.getSession(false);
    if (session == null) {
      return null;
    }
    Object value = session.getAttribute(PENDING);
    session.removeAttribute(PENDING);
    return value instanceof PendingLogin pending ? pending : null;
  }

  private static LoginTokens redeem(
      RefreshEngine.Provider provider, AuthorizationCode code, PendingLogin pending) {
    try {
      return provider
          .tokenEndpoint()
          .redeem(
              code,
              pending.redirectUri(),
              new CodeVerifier(pending.codeVerifier()),
              new Nonce(pending.nonce()));
    } catch (GrantRevokedException e) {
      throw new LoginFailure(
          400, "invalid_grant", "the provider refused the code (used, expired or not ours)");
    } catch (TokenRejectedException e) {
      throw new LoginFailure(401, "invalid_id_token", e.getMessage());
    } catch (IdpFaultException e) {
      throw new LoginFailure(502, "idp_error", "code exchange failed: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new LoginFailure(502, "unusable_tokens", e.getMessage());
    }
  }

  private URI redirectUri(HttpServletRequest req) {
    return settings.redirectUri() != null
        ? settings.redirectUri()
        : URI.create(LoginRequests.base(req, settings) + settings.callbackPath());
  }

  private static URI callbackUri(HttpServletRequest req) {
    String query = req.getQueryString();
    return URI.create(req.getRequestURL() + (query == null ? "" : "?" + query));
  }
}
