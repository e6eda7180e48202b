package dev.tokenrefresh.jakarta.login;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.id.State;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.cdi.TokenRefreshService;
import dev.tokenrefresh.oidc.LoginTokens;
import dev.tokenrefresh.oidc.ProviderEndpoints;
import dev.tokenrefresh.oidc.TokenRejectedException;
import dev.tokenrefresh.oidc.login.AuthorizationRedirect;
import dev.tokenrefresh.oidc.login.BackChannelLogout;
import dev.tokenrefresh.oidc.login.CallbackCheck;
import dev.tokenrefresh.oidc.login.Caller;
import dev.tokenrefresh.oidc.login.CallerMapping;
import dev.tokenrefresh.oidc.login.LoginFailure;
import dev.tokenrefresh.oidc.login.LoginSettings;
import dev.tokenrefresh.oidc.login.LogoutEvent;
import dev.tokenrefresh.oidc.login.LogoutRedirect;
import dev.tokenrefresh.oidc.login.PendingLogin;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The login mechanism's own endpoints: the start of a login, the callback, RP-initiated logout
 * (POST with the session's CSRF token) and Back-Channel Logout. Thread-safe (state lives in the
 * session and in the mechanism's index).
 */
final class LoginEndpoints {

  private static final Logger LOG = Logger.getLogger(LoginEndpoints.class.getName());

  private final OidcLoginMechanism mechanism;
  private final LoginSettings settings;
  private final CallerMapping mapping;
  private final BackChannelLogout backChannel;
  private final Clock clock;
  private final int maxFormBytes;

  LoginEndpoints(
      OidcLoginMechanism mechanism,
      LoginSettings settings,
      CallerMapping mapping,
      BackChannelLogout backChannel,
      Clock clock,
      int maxTokenSize) {
    this.mechanism = mechanism;
    this.settings = settings;
    this.mapping = mapping;
    this.backChannel = backChannel;
    this.clock = clock;
    // a percent-encoded token, its field name and room for more fields
    this.maxFormBytes = 3 * maxTokenSize + 1024;
  }

  /** Answers the request when it is for one of the endpoints; empty otherwise. */
  Optional<AuthenticationStatus> answer(
      HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) throws IOException {
    String path = LoginRequests.path(req);
    if (path.equals(settings.callbackPath())) {
      return Optional.of(callback(req, res, ctx));
    }
    if (path.equals(settings.logoutPath())) {
      requirePost(req, res);
      return Optional.of(logout(req, res, ctx));
    }
    if (path.equals(settings.backChannelPath())) {
      res.setHeader("Cache-Control", "no-store");
      requirePost(req, res);
      return Optional.of(backChannel(req, res, ctx));
    }
    return Optional.empty();
  }

  /** Sends the browser to the provider with a new pending login in its session. */
  AuthenticationStatus startLogin(
      HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
    TokenRefreshService.Provider provider = mechanism.provider();
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
    req.getSession(true).setAttribute(OidcLoginMechanism.PENDING, login);
    String clientId = provider.tokenEndpoint().settings().clientId();
    res.setHeader("Cache-Control", "no-store");
    return ctx.redirect(
        AuthorizationRedirect.to(authorize, clientId, settings.scope(), login).toString());
  }

  private AuthenticationStatus callback(
      HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
    res.setHeader("Cache-Control", "no-store");
    PendingLogin pending = takePending(req.getSession(false));
    TokenRefreshService.Provider provider = mechanism.provider();
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
    HttpSession before = req.getSession(false);
    mechanism.ended(SessionKey.of(before.getId()));
    req.changeSessionId(); // the session is now authenticated: no fixation
    mechanism.store().save(req, tokens.tokens());
    HttpSession session = req.getSession(false);
    session.setAttribute(OidcLoginMechanism.CALLER, caller);
    mechanism.index(SessionKey.of(session.getId()), caller);
    LOG.fine(() -> "login: " + caller.name() + " logged in");
    LoginAnswers.seeOther(res, req.getContextPath() + pending.returnTo());
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private static PendingLogin takePending(HttpSession session) {
    if (session == null) {
      return null;
    }
    Object value = session.getAttribute(OidcLoginMechanism.PENDING);
    session.removeAttribute(OidcLoginMechanism.PENDING);
    return value instanceof PendingLogin pending ? pending : null;
  }

  private static LoginTokens redeem(
      TokenRefreshService.Provider provider, AuthorizationCode code, PendingLogin pending) {
    try {
      return provider
          .tokenEndpoint()
          .redeem(code, pending.redirectUri(), verifier(pending), nonce(pending));
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

  private static com.nimbusds.oauth2.sdk.pkce.CodeVerifier verifier(PendingLogin pending) {
    return new com.nimbusds.oauth2.sdk.pkce.CodeVerifier(pending.codeVerifier());
  }

  private static com.nimbusds.openid.connect.sdk.Nonce nonce(PendingLogin pending) {
    return new com.nimbusds.openid.connect.sdk.Nonce(pending.nonce());
  }

  private AuthenticationStatus logout(
      HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
    HttpSession session = req.getSession(false);
    Caller caller =
        session != null && session.getAttribute(OidcLoginMechanism.CALLER) instanceof Caller c
            ? c
            : null;
    if (caller != null && !csrfMatches(req, caller.csrfToken())) {
      throw new LoginFailure(403, "invalid_csrf_token", "logout without the session's CSRF token");
    }
    Optional<URI> after =
        LogoutRedirect.afterLogout(
            req.getParameter("post_logout_redirect_uri"), settings.postLogoutRedirectUris());
    String idToken =
        caller == null
            ? null
            : mechanism.store().load(req).flatMap(TokenSet::idTokenValue).orElse(null);
    mechanism.end(req);
    URI start = URI.create(req.getContextPath() + "/");
    URI target =
        caller == null
            ? after.orElse(start)
            : LogoutRedirect.target(
                mechanism.service().provider().flatMap(p -> p.endpoints().endSession()),
                idToken,
                mechanism.provider().tokenEndpoint().settings().clientId(),
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

  private AuthenticationStatus backChannel(
      HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) throws IOException {
    String token = LoginRequests.formParameter(req, "logout_token", maxFormBytes).orElse(null);
    LogoutEvent event = backChannel.accept(token);
    Set<SessionKey> ended = mechanism.index().end(event);
    ended.forEach(mechanism.service()::forget);
    LOG.log(Level.INFO, "back-channel logout: {0} session(s) ended", ended.size());
    LoginAnswers.empty(res, 200);
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private static void requirePost(HttpServletRequest req, HttpServletResponse res) {
    if (!"POST".equals(req.getMethod())) {
      res.setHeader("Allow", "POST");
      throw new LoginFailure(405, "method_not_allowed", "only POST is accepted here");
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
