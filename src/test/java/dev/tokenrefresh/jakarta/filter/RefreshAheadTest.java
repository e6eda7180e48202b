package dev.tokenrefresh.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.cdi.TokenRefreshService;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A request whose access token is still valid but within refresh-ahead is served with that token at
 * once: it never waits for the early refresh, and only a dead grant ends its session.
 */
class RefreshAheadTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final TokenSet EXPIRING_SOON =
      new TokenSet("still-valid-access", "r1", null, NOW.plusSeconds(10), NOW.minusSeconds(290));

  @Test
  void request_whileTheEarlyRefreshIsStillRunning_isServedAtOnceWithTheCurrentToken()
      throws Exception {
    Outcome outcome = run(new CompletableFuture<>());

    assertThat(outcome.tokenSeenByTheApp.get()).isEqualTo("still-valid-access");
    assertThat(outcome.status.get()).isZero();
  }

  @Test
  void request_whenTheEarlyRefreshIsRefusedBecauseTheBreakerIsOpen_isServedWithTheCurrentToken()
      throws Exception {
    Outcome outcome =
        run(
            CompletableFuture.failedFuture(
                new RefreshRejectedException(
                    RejectionReason.CIRCUIT_OPEN, Duration.ofSeconds(30))));

    assertThat(outcome.tokenSeenByTheApp.get()).isEqualTo("still-valid-access");
    assertThat(outcome.status.get()).isZero();
  }

  @Test
  void request_whenTheEarlyRefreshFindsTheGrantDead_isAnswered401() throws Exception {
    Outcome outcome =
        run(CompletableFuture.failedFuture(new GrantRevokedException("invalid_grant")));

    assertThat(outcome.tokenSeenByTheApp.get()).isNull();
    assertThat(outcome.status.get()).isEqualTo(401);
  }

  private record Outcome(AtomicReference<String> tokenSeenByTheApp, AtomicInteger status) {}

  private static Outcome run(CompletableFuture<TokenSet> refresh) throws Exception {
    TokenRefreshFilter filter = new TokenRefreshFilter();
    filter.service =
        new TokenRefreshService() {
          @Override
          public CompletionStage<TokenSet> refresh(SessionKey session, TokenSet current) {
            return refresh;
          }

          @Override
          public FilterSettings filterSettings() {
            return new FilterSettings(
                true, Duration.ofSeconds(30), List.of(), "", false, Duration.ofMillis(200), 10, 10);
          }

          @Override
          public Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
          }

          @Override
          public void stored(SessionKey session, TokenSet previous) {}
        };
    filter.store = new OneSessionStore(EXPIRING_SOON);
    filter.init();
    Outcome outcome = new Outcome(new AtomicReference<>(), new AtomicInteger());
    filter.doFilter(
        request(),
        response(outcome.status),
        (req, res) ->
            outcome.tokenSeenByTheApp.set(
                (String) req.getAttribute(TokenRefreshFilter.ACCESS_TOKEN)));
    return outcome;
  }

  private static HttpServletRequest request() {
    java.util.Map<String, Object> attributes = new java.util.concurrent.ConcurrentHashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RefreshAheadTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "removeAttribute" -> attributes.remove((String) args[0]);
                  case "getDispatcherType" -> DispatcherType.REQUEST;
                  case "isAsyncSupported" -> false;
                  case "getMethod" -> "GET";
                  case "getContextPath" -> "";
                  case "getRequestURI" -> "/api";
                  default -> null;
                });
  }

  private static HttpServletResponse response(AtomicInteger status) {
    ServletOutputStream sink =
        new ServletOutputStream() {
          @Override
          public void write(int b) {}

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}
        };
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            RefreshAheadTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "setStatus" -> {
                    status.set((Integer) args[0]);
                    yield null;
                  }
                  case "isCommitted" -> false;
                  case "getOutputStream" -> sink;
                  default -> null;
                });
  }

  /** One session's tokens in memory. */
  private static final class OneSessionStore implements TokenStore {
    private final AtomicReference<TokenSet> tokens;

    OneSessionStore(TokenSet tokens) {
      this.tokens = new AtomicReference<>(tokens);
    }

    @Override
    public Optional<TokenSet> load(HttpServletRequest request) {
      return Optional.ofNullable(tokens.get());
    }

    @Override
    public void save(HttpServletRequest request, TokenSet t) {
      tokens.set(t);
    }

    @Override
    public Optional<TokenSet> replace(
        HttpServletRequest request, TokenSet previous, TokenSet refreshed) {
      tokens.compareAndSet(previous, refreshed);
      return Optional.ofNullable(tokens.get());
    }

    @Override
    public void clear(HttpServletRequest request) {
      tokens.set(null);
    }

    @Override
    public Optional<SessionKey> sessionKey(HttpServletRequest request) {
      return Optional.of(SessionKey.of("s"));
    }
  }
}
