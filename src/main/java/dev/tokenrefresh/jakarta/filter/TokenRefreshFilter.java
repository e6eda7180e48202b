package dev.tokenrefresh.jakarta.filter;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.bulkhead.SuspensionLimit;
import dev.tokenrefresh.internal.jakarta.cdi.RefreshEngine;
import dev.tokenrefresh.internal.jakarta.filter.ExcludedPaths;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.internal.jakarta.filter.OutcomeWriter;
import dev.tokenrefresh.internal.jakarta.filter.RefreshOutcome;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refreshes the session's access token when it has expired (or is about to), once per session
 * however many requests arrive together, then lets the request through with the fresh token.
 *
 * <p>A request with a valid token costs one session lookup and two number comparisons: the settings
 * and the clock are taken from the {@link RefreshEngine} once, at {@link #init()}, so that the fast
 * path makes no call through the service's CDI client proxy (each call resolves the bean through
 * Weld's container and context again; see docs/throughput.md). A request that must wait for a
 * refresh is suspended ({@code startAsync}) so that it holds no thread, and resumed by an async
 * dispatch when the refresh completes; where the chain does not support async, it waits on its
 * thread, bounded by the same deadline. The current access token is exposed as the request
 * attribute {@link #ACCESS_TOKEN} (and, if configured, as {@code Authorization: Bearer}).
 *
 * <p>Thread-safe.
 */
@WebFilter(
    filterName = "token-refresh",
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class TokenRefreshFilter extends HttpFilter {

  /** Request attribute: the current access token ({@code String}). */
  public static final String ACCESS_TOKEN = "dev.tokenrefresh.access_token";

  /** Request attribute: the session's current {@link TokenSet}. */
  public static final String TOKEN_SET = "dev.tokenrefresh.token_set";

  private static final long serialVersionUID = 1L;
  private static final String RESUMED = "dev.tokenrefresh.resumed";
  private static final String POLICY_CONTEXT = "dev.tokenrefresh.policy-context";
  private static final Logger LOG = Logger.getLogger(TokenRefreshFilter.class.getName());

  @Inject transient RefreshEngine service;
  @Inject transient TokenStore store;

  /** Written once by {@link #init()}, before any request; the service's settings never change. */
  private transient FilterSettings settings;

  /** Written once by {@link #init()}: the service's wall clock for token expiry. */
  private transient Clock clock;

  private transient SuspensionLimit suspensions;
  private final transient Set<Suspension> suspended = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean blockingFallbackLogged = new AtomicBoolean();

  /** Requests waiting for a refresh on their thread (the chain does not support async). */
  private final AtomicInteger waitingOnThread = new AtomicInteger();

  @Override
  public void init() {
    FilterSettings s = service.filterSettings();
    settings = s;
    clock = service.clock();
    SuspensionLimit limit = new SuspensionLimit(s.maxSuspended(), s.maxSuspendedPerFlight());
    suspensions = limit;
    service.reportSuspended(() -> limit.suspended() + waitingOnThread.get());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getAttribute(RESUMED) instanceof Resumption resumed) {
      req.removeAttribute(RESUMED);
      Object policy = req.getAttribute(POLICY_CONTEXT);
      req.removeAttribute(POLICY_CONTEXT);
      AuthorizationContext.Scope scope =
          AuthorizationContext.enter(policy instanceof String id ? id : null);
      try {
        finish(req, res, chain, resumed);
      } finally {
        scope.close();
      }
      return;
    }
    FilterSettings s = settings;
    if (req.getDispatcherType() != DispatcherType.REQUEST || !s.enabled() || excluded(req, s)) {
      chain.doFilter(req, res);
      return;
    }
    Optional<TokenSet> loaded = store.load(req);
    if (loaded.isEmpty()) {
      chain.doFilter(req, res);
      return;
    }
    TokenSet current = loaded.get();
    Instant now = clock.instant();
    if (!current.needsRefresh(now, s.refreshAhead())) {
      proceed(req, res, chain, current);
      return;
    }
    Optional<SessionKey> session = store.sessionKey(req);
    if (session.isEmpty()) {
      chain.doFilter(req, res);
      return;
    }
    if (now.isBefore(current.accessTokenExpiresAt())) {
      refreshAhead(req, res, chain, session.get(), current);
    } else {
      refresh(req, res, chain, session.get(), current);
    }
  }

  /**
   * The access token still works but expires within refresh-ahead: start (or join) the early
   * refresh and serve the request with the current token at once, without waiting. A refresh that
   * is already answered (a grace replay, a refusal) is applied now; one still running leaves its
   * rotation with the coordinator, which hands it to the session's next request. Only a dead grant
   * ends the session early; any other failure (breaker open, IdP down, cooldown, saturation) never
   * reaches a request whose token is still valid.
   */
  private void refreshAhead(
      HttpServletRequest req,
      HttpServletResponse res,
      FilterChain chain,
      SessionKey session,
      TokenSet current)
      throws IOException, ServletException {
    long started = System.nanoTime();
    CompletableFuture<TokenSet> flight = start(session, current, Level.FINE);
    if (flight.isDone()) {
      Resumption done = Resumption.of(session, current, flight, started);
      if (done.failure() == null || RefreshOutcome.of(done.failure()).endsSession()) {
        finish(req, res, chain, done);
        return;
      }
    }
    proceed(req, res, chain, current);
  }

  /**
   * Starts (or joins) the refresh of {@code current}. A coordinator that fails to start one never
   * escapes as a 500 with a stack trace: the failure becomes the flight's, answered like any other
   * (a 503 for a request that must wait; the current token for one still valid, which only a dead
   * grant answers). Logged at {@code level} without the exception's stack.
   */
  private CompletableFuture<TokenSet> start(SessionKey session, TokenSet current, Level level) {
    try {
      return service.refresh(session, current).toCompletableFuture();
    } catch (RuntimeException unexpected) {
      LOG.log(level, "token refresh could not start: {0}", unexpected.toString());
      return CompletableFuture.failedFuture(unexpected);
    }
  }

  /**
   * Whether the request's path is excluded; builds the path only when some entry is configured. The
   * path is the decoded, normalised one the container routes by, never the raw URI (see {@link
   * ExcludedPaths}).
   */
  private static boolean excluded(HttpServletRequest req, FilterSettings s) {
    return !s.excludedPaths().isEmpty() && s.excludes(ExcludedPaths.of(req));
  }

  private void refresh(
      HttpServletRequest req,
      HttpServletResponse res,
      FilterChain chain,
      SessionKey session,
      TokenSet current)
      throws IOException, ServletException {
    long started = System.nanoTime();
    CompletableFuture<TokenSet> flight = start(session, current, Level.WARNING);
    if (flight.isDone()) {
      finish(req, res, chain, Resumption.of(session, current, flight, started));
    } else if (req.isAsyncSupported()) {
      suspend(req, res, chain, session, current, flight, started);
    } else {
      if (blockingFallbackLogged.compareAndSet(false, true)) {
        LOG.info(
            "token-refresh-filter: a filter or servlet in the chain does not support async;"
                + " such requests wait for refreshes on their thread");
      }
      awaitOnThread(req, res, chain, session, current, flight, started);
    }
  }

  private void suspend(
      HttpServletRequest req,
      HttpServletResponse res,
      FilterChain chain,
      SessionKey session,
      TokenSet current,
      CompletableFuture<TokenSet> flight,
      long started)
      throws IOException, ServletException {
    FilterSettings s = settings;
    if (!suspensions.tryEnter(session)) {
      OutcomeWriter.write(req, res, RefreshOutcome.tooManyWaiting(), s);
      return;
    }
    AsyncContext async;
    try {
      async = req.startAsync(req, res);
    } catch (IllegalStateException notNow) {
      suspensions.exit(session);
      awaitOnThread(req, res, chain, session, current, flight, started);
      return;
    }
    // the thread that resumes it may lack the request's authorization context (Payara 7)
    String policy = AuthorizationContext.current();
    if (policy != null) {
      req.setAttribute(POLICY_CONTEXT, policy);
    }
    async.setTimeout(s.waitTimeout().toMillis());
    Suspension suspension = new Suspension(async, session, suspensions, suspended);
    async.addListener(new ExpiryListener(suspension::claim, s));
    flight.whenComplete(
        (tokens, failure) -> {
          if (suspension.claim()) {
            req.setAttribute(RESUMED, Resumption.of(session, current, flight, started));
            async.dispatch();
          }
        });
  }

  /**
   * Answers every request still suspended when the application stops (503, retry later), so that
   * none is left to time out against classes that are gone.
   */
  @Override
  public void destroy() {
    // The settings read at init: the application's beans may already be gone.
    Suspension.answerAll(suspended, settings);
  }

  private void awaitOnThread(
      HttpServletRequest req,
      HttpServletResponse res,
      FilterChain chain,
      SessionKey session,
      TokenSet current,
      CompletableFuture<TokenSet> flight,
      long started)
      throws IOException, ServletException {
    FilterSettings s = settings;
    waitingOnThread.incrementAndGet();
    try {
      flight.get(s.waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      OutcomeWriter.write(req, res, RefreshOutcome.waitExpired(), s);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      OutcomeWriter.write(req, res, RefreshOutcome.waitExpired(), s);
      return;
    } catch (ExecutionException e) {
      // handled by finish, which reads the failure from the completed flight
    } finally {
      waitingOnThread.decrementAndGet();
    }
    finish(req, res, chain, Resumption.of(session, current, flight, started));
  }

  private void finish(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain, Resumption done)
      throws IOException, ServletException {
    if (done.failure() == null) {
      Optional<TokenSet> held =
          done.session().equals(store.sessionKey(req).orElse(null))
              ? store.replace(req, done.current(), done.tokens())
              : Optional.empty();
      if (held.isEmpty()) {
        // Logged out (or invalidated) while the refresh ran: the fresh tokens belong to no one,
        // and the coordinator must not keep them for a request of this session.
        service.discarded(done.session(), done.current());
        log(done, "session_ended");
        OutcomeWriter.write(req, res, RefreshOutcome.sessionEnded(), settings);
        return;
      }
      service.stored(done.session(), done.current());
      log(done, "refreshed");
      proceed(req, res, chain, held.get());
      return;
    }
    RefreshOutcome outcome = RefreshOutcome.of(done.failure());
    if (outcome.endsSession()) {
      store.clear(req, done.current());
    }
    log(done, outcome.error());
    OutcomeWriter.write(req, res, outcome, settings);
  }

  private void proceed(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain, TokenSet tokens)
      throws IOException, ServletException {
    req.setAttribute(ACCESS_TOKEN, tokens.accessToken());
    req.setAttribute(TOKEN_SET, tokens);
    chain.doFilter(
        settings.bearerHeader() ? new BearerRequest(req, tokens.accessToken()) : req, res);
  }

  private static void log(Resumption done, String outcome) {
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(
          "token refresh "
              + outcome
              + " for "
              + done.session()
              + " in "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - done.startedNanos())
              + " ms");
    }
  }
}
