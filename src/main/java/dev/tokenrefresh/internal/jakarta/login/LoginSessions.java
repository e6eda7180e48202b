package dev.tokenrefresh.internal.jakarta.login;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.internal.jakarta.cdi.RefreshEngine;
import dev.tokenrefresh.internal.oidc.login.Caller;
import dev.tokenrefresh.internal.oidc.login.LogoutEvent;
import dev.tokenrefresh.internal.oidc.login.SessionIndex;
import dev.tokenrefresh.jakarta.login.OidcLogin;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sessions logged in through the mechanism: their {@link Caller} in the HTTP session, their
 * entry in the back-channel logout {@link SessionIndex}, and their end (index, per-session state of
 * the filter, tokens, the HTTP session). Thread-safe (the index is; the rest lives in the session).
 */
final class LoginSessions {

  private static final Logger LOG = Logger.getLogger(LoginSessions.class.getName());

  /** Session attribute: the {@link Caller}. */
  static final String CALLER = "dev.tokenrefresh.login.caller";

  private final SessionIndex index;
  private final RefreshEngine service;
  private final TokenStore store;
  private final int maxSessions;

  /** Set once, by the first registration the full index refused: the warning is logged once. */
  private final AtomicBoolean fullLogged = new AtomicBoolean();

  LoginSessions(SessionIndex index, RefreshEngine service, TokenStore store, int maxSessions) {
    this.index = index;
    this.service = service;
    this.store = store;
    this.maxSessions = maxSessions;
  }

  /**
   * The logged-in caller of the request's session, after ending the session when a back-channel
   * logout ended it or its tokens are gone.
   */
  Optional<Caller> current(HttpServletRequest req) {
    HttpSession session = req.getSession(false);
    if (session == null || !(session.getAttribute(CALLER) instanceof Caller caller)) {
      return Optional.empty();
    }
    SessionKey key = SessionKey.of(session.getId());
    if (index.isEnded(key) || store.load(req).isEmpty()) {
      end(req);
      return Optional.empty();
    }
    index(key, caller);
    req.setAttribute(OidcLogin.CSRF_TOKEN, caller.csrfToken());
    return Optional.of(caller);
  }

  /** The caller of the request's session, as the callback stored it; no check. */
  static Optional<Caller> callerOf(HttpSession session) {
    return session != null && session.getAttribute(CALLER) instanceof Caller caller
        ? Optional.of(caller)
        : Optional.empty();
  }

  /** Marks the request's (new) session logged in as {@code caller}. */
  void loggedIn(HttpSession session, Caller caller) {
    session.setAttribute(CALLER, caller);
    index(SessionKey.of(session.getId()), caller);
  }

  /** Indexes a logged-in session for back-channel logout. */
  void index(SessionKey key, Caller caller) {
    if (!index.register(key, caller) && fullLogged.compareAndSet(false, true)) {
      LOG.warning(
          "login: the session index is full (token-refresh.login.max-sessions="
              + maxSessions
              + "): a back-channel logout cannot reach newer sessions");
    }
  }

  /** Ends the request's session here: index, per-session state, tokens, the session itself. */
  void end(HttpServletRequest req) {
    HttpSession session = req.getSession(false);
    if (session == null) {
      return;
    }
    SessionKey key = SessionKey.of(session.getId());
    index.remove(key);
    service.forget(key);
    store.clear(req);
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyInvalid) {
      LOG.log(Level.FINE, "login: session already invalidated");
    }
  }

  /**
   * Ends, for a back-channel logout, every session of the event's {@code sid} (or {@code sub}):
   * they are marked ended in the index (their next request invalidates them) and their per-session
   * state is dropped now.
   *
   * @return the sessions ended
   */
  Set<SessionKey> endAll(LogoutEvent event) {
    Set<SessionKey> ended = index.end(event);
    ended.forEach(service::forget);
    return ended;
  }

  /** A session that ended elsewhere (expired, invalidated by the application). */
  void ended(SessionKey key) {
    index.remove(key);
  }
}
