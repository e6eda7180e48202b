package dev.tokenrefresh.internal.jakarta.login;

import dev.tokenrefresh.core.config.ConfigKey;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.internal.core.time.Ticker;
import dev.tokenrefresh.internal.jakarta.cdi.RefreshEngine;
import dev.tokenrefresh.internal.oidc.login.BackChannelLogout;
import dev.tokenrefresh.internal.oidc.login.Caller;
import dev.tokenrefresh.internal.oidc.login.CallerMapping;
import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import dev.tokenrefresh.internal.oidc.login.LoginSettings;
import dev.tokenrefresh.internal.oidc.login.ReplayCache;
import dev.tokenrefresh.internal.oidc.login.SessionIndex;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import dev.tokenrefresh.jakarta.login.OidcLogin;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The relying party as a Jakarta Security authentication mechanism, present only with {@code
 * token-refresh.login.enabled=true} ({@link LoginExtension} vetoes it otherwise). On each request:
 * its own endpoints (callback, logout, back-channel logout) are answered by {@link LoginEndpoints};
 * a logged-in session's caller name and groups go to the container; a protected resource without a
 * login sends a browser navigation to the provider and answers anything else 401. A session that a
 * back-channel logout ended, or whose tokens are gone (a dead grant), is invalidated first. The
 * refresh of expired tokens stays the filter's. Thread-safe.
 */
@ApplicationScoped
public class OidcLoginMechanism implements HttpAuthenticationMechanism {

  /** Request attribute set by {@link OidcLogin#logIn}: this request asks for a login. */
  public static final String LOGIN_REQUESTED = "dev.tokenrefresh.login.requested";

  private static final Logger LOG = Logger.getLogger(OidcLoginMechanism.class.getName());

  @Inject Config config;
  @Inject RefreshEngine service;
  @Inject TokenStore store;

  private LoginSessions sessions;
  private LoginEndpoints endpoints;
  private CodeFlow codeFlow;

  @PostConstruct
  void start() {
    ConfigReader source = new ConfigReader(key -> config.getOptionalValue(key, String.class));
    LoginSettings settings = settings(source);
    Clock clock = service.clock();
    SessionIndex index =
        new SessionIndex(settings.maxSessions(), settings.sessionIdle(), Ticker.system());
    service.alsoOnCleanup(index::cleanup);
    CallerMapping mapping = new CallerMapping(settings.principalClaim(), settings.groupsClaim());
    sessions = new LoginSessions(index, service, store, settings.maxSessions());
    codeFlow = new CodeFlow(this::provider, sessions, store, settings, mapping, clock);
    endpoints =
        new LoginEndpoints(
            settings,
            codeFlow,
            new RpLogout(
                service, this::provider, sessions, store, settings.postLogoutRedirectUris()),
            backChannel(settings, source, clock),
            service.metrics());
  }

  private static LoginSettings settings(ConfigReader source) {
    try {
      return LoginSettingsMapping.settings(source);
    } catch (RuntimeException e) {
      String message = "Invalid token-refresh-filter configuration: " + e.getMessage();
      LOG.severe(message);
      throw new IllegalStateException(message, e);
    }
  }

  /** The back-channel logout endpoint, its replay cache cleaned with the filter's state. */
  private BackChannelEndpoint backChannel(
      LoginSettings settings, ConfigReader source, Clock clock) {
    ReplayCache replays =
        new ReplayCache(
            settings.logoutTokenMaxAge().plusMinutes(2), settings.maxSessions(), Ticker.system());
    service.alsoOnCleanup(replays::cleanup);
    int maxTokenSize =
        source
            .integer(ConfigKey.OIDC_MAX_TOKEN_SIZE.key())
            .orElse(ConfigKey.OIDC_MAX_TOKEN_SIZE.defaultInt());
    BackChannelLogout logout =
        new BackChannelLogout(
            token -> provider().tokenEndpoint().verifyLogoutToken(token),
            maxTokenSize,
            settings.logoutTokenMaxAge(),
            replays,
            clock);
    return new BackChannelEndpoint(logout, sessions, maxTokenSize);
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
    try {
      Optional<AuthenticationStatus> own = endpoints.answer(req, res);
      if (own.isPresent()) {
        return own.get();
      }
      Optional<Caller> caller = sessions.current(req);
      if (caller.isPresent()) {
        return ctx.notifyContainerAboutLogin(
            caller.get().name(), new HashSet<>(caller.get().groups()));
      }
      if (ctx.isAuthenticationRequest() || req.getAttribute(LOGIN_REQUESTED) != null) {
        // the application asked for a login (OidcLogin.logIn, SecurityContext.authenticate)
        return codeFlow.start(req, res, ctx);
      }
      if (!ctx.isProtected()) {
        return ctx.doNothing();
      }
      if (LoginRequests.isNavigation(req)) {
        return codeFlow.start(req, res, ctx);
      }
      LoginAnswers.unauthorized(res);
      return AuthenticationStatus.SEND_CONTINUE;
    } catch (NotReadyException notReady) {
      return notReady(res, ctx);
    } catch (LoginFailure failure) {
      // a client's mistake is INFO (no stack trace, never a request value); the provider's WARNING
      LOG.log(
          failure.status() >= 500 ? Level.WARNING : Level.INFO,
          "login: {0} ({1})",
          new Object[] {failure.error(), failure.getMessage()});
      return failed(res, ctx, failure);
    } catch (IOException e) {
      LOG.log(Level.FINE, "login: answer not written: {0}", e.toString());
      return AuthenticationStatus.SEND_CONTINUE;
    }
  }

  private AuthenticationStatus notReady(HttpServletResponse res, HttpMessageContext ctx) {
    try {
      LoginAnswers.notReady(res, service.untilReady().orElse(java.time.Duration.ofSeconds(1)));
    } catch (IOException e) {
      LOG.log(Level.FINE, "login: answer not written: {0}", e.toString());
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private static AuthenticationStatus failed(
      HttpServletResponse res, HttpMessageContext ctx, LoginFailure failure) {
    try {
      if (!res.isCommitted()) {
        res.reset();
        LoginAnswers.fail(res, failure);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "login: answer not written: {0}", e.toString());
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  /** A session that ended elsewhere (expired, invalidated by the application). */
  void ended(SessionKey key) {
    sessions.ended(key);
  }

  /**
   * @throws NotReadyException while the provider has not been reached
   */
  RefreshEngine.Provider provider() {
    return service.provider().orElseThrow(NotReadyException::new);
  }

  /** The provider has not been reached yet (discovery is retried in the background). */
  static final class NotReadyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotReadyException() {
      super("the identity provider has not been reached yet", null, false, false);
    }
  }
}
