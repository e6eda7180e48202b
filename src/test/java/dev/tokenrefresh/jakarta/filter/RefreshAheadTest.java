package dev.tokenrefresh.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    assertServedWithTheCurrentToken(run(new CompletableFuture<>()));
  }

  @Test
  void request_whenTheEarlyRefreshIsRefusedBecauseTheBreakerIsOpen_isServedWithTheCurrentToken()
      throws Exception {
    assertServedWithTheCurrentToken(
        run(
            CompletableFuture.failedFuture(
                new RefreshRejectedException(
                    RejectionReason.CIRCUIT_OPEN, Duration.ofSeconds(30)))));
  }

  @Test
  void request_whenTheEarlyRefreshFindsTheGrantDead_isAnswered401() throws Exception {
    Outcome outcome =
        run(CompletableFuture.failedFuture(new GrantRevokedException("invalid_grant")));

    assertThat(outcome.tokenSeenByTheApp.get()).isNull();
    assertThat(outcome.status.get()).isEqualTo(401);
  }

  private record Outcome(AtomicReference<String> tokenSeenByTheApp, AtomicInteger status) {}

  /** The application served the request with the token the session already held; no error. */
  private static void assertServedWithTheCurrentToken(Outcome outcome) {
    assertThat(outcome.tokenSeenByTheApp.get()).isEqualTo("still-valid-access");
    assertThat(outcome.status.get()).isZero();
  }

  private static Outcome run(CompletableFuture<TokenSet> refresh) throws Exception {
    TokenRefreshFilter filter =
        new StubRefreshService(
                new FilterSettings(
                    true,
                    Duration.ofSeconds(30),
                    List.of(),
                    "",
                    false,
                    Duration.ofMillis(200),
                    10,
                    10),
                NOW,
                (session, current) -> refresh)
            .filter(new OneSessionStore(EXPIRING_SOON));
    FakeExchange exchange = new FakeExchange("s");
    exchange.asyncSupported = false;
    exchange.requestUri = "/api";
    exchange.servletPath = "/api";
    exchange.pathInfo = null;
    Outcome outcome = new Outcome(new AtomicReference<>(), exchange.status);
    filter.doFilter(
        exchange.request,
        exchange.response,
        (req, res) ->
            outcome.tokenSeenByTheApp.set(
                (String) req.getAttribute(TokenRefreshFilter.ACCESS_TOKEN)));
    return outcome;
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
