package dev.tokenrefresh.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.jakarta.store.HttpSessionTokenStore;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request suspended on a refresh while its session is logged out resumes to a 401 {@code
 * session_ended}: never a 200 with the fresh tokens, which are stored nowhere and forgotten by the
 * coordinator. A session invalidated under a request never escapes the filter as a 500. Through the
 * filter, the default {@link HttpSessionTokenStore} and a real coordinator.
 */
class SessionEndedWhileSuspendedTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final ScriptedEndpoint idp = ScriptedEndpoint.gated();
  private final CoordinatorFixture fixture = new CoordinatorFixture(idp);
  private final HttpSessionTokenStore store = new HttpSessionTokenStore();
  private final AtomicInteger servedByTheApp = new AtomicInteger();
  private final AtomicReference<Object> tokenSeenByTheApp = new AtomicReference<>();
  private final FilterChain app =
      (req, res) -> {
        servedByTheApp.incrementAndGet();
        tokenSeenByTheApp.set(req.getAttribute(TokenRefreshFilter.ACCESS_TOKEN));
      };

  @AfterEach
  void stop() {
    idp.open();
    fixture.close();
  }

  @Test
  void suspendedRequest_whoseSessionIsInvalidatedBeforeTheRefreshEnds_resumesTo401SessionEnded()
      throws Exception {
    FakeExchange exchange = suspendedThenResumed(FakeExchange::invalidate);

    assertThat(exchange.status.get()).isEqualTo(401);
    assertThat(exchange.body()).isEqualTo("{\"error\":\"session_ended\"}");
    assertThat(servedByTheApp.get()).as("requests the application served").isZero();
    assertThat(fixture.coordinator.gauges().graceEntries().getAsInt())
        .as("rotations the coordinator still keeps for the ended session")
        .isZero();
  }

  @Test
  void suspendedRequest_whoseTokensAreRemovedByALogout_resumesTo401AndStoresNothing()
      throws Exception {
    FakeExchange exchange = suspendedThenResumed(e -> store.clear(e.request));

    assertThat(exchange.status.get()).isEqualTo(401);
    assertThat(exchange.body()).isEqualTo("{\"error\":\"session_ended\"}");
    assertThat(servedByTheApp.get()).isZero();
    assertThat(store.load(exchange.request)).as("tokens the logged-out session holds").isEmpty();
    assertThat(fixture.coordinator.gauges().graceEntries().getAsInt()).isZero();
  }

  @Test
  void suspendedRequest_whoseBrowserGotANewSessionMeanwhile_resumesTo401AndTheNewSessionStaysEmpty()
      throws Exception {
    FakeExchange exchange =
        suspendedThenResumed(
            e -> {
              e.invalidate();
              e.session.set(new FakeExchange("session-2").session.get());
            });

    assertThat(exchange.status.get()).isEqualTo(401);
    assertThat(servedByTheApp.get()).isZero();
    assertThat(store.load(exchange.request)).isEmpty();
  }

  /** Negative control: without a logout the same suspended request is served the fresh token. */
  @Test
  void suspendedRequest_whoseSessionLives_resumesWithTheFreshTokenAndStoresIt() throws Exception {
    FakeExchange exchange = suspendedThenResumed(e -> {});

    assertThat(exchange.status.get()).isZero();
    assertThat(servedByTheApp.get()).isEqualTo(1);
    TokenSet stored = store.load(exchange.request).orElseThrow();
    assertThat(tokenSeenByTheApp.get()).isEqualTo(stored.accessToken());
    assertThat(stored.issuedAt()).isEqualTo(T0);
  }

  @Test
  void request_whoseSessionIsInvalidatedWhileTheFilterReadsIt_passesThroughWithoutTokens()
      throws Exception {
    FakeExchange exchange = new FakeExchange("session-1");
    store.save(exchange.request, Tokens.expired());
    // Another request of the session logs out right after this one loaded the tokens. The default
    // store keeps the tokens in the session, so this second instance sees what `store` saved.
    TokenStore racing =
        new HttpSessionTokenStore() {
          @Override
          public Optional<TokenSet> load(HttpServletRequest request) {
            Optional<TokenSet> loaded = super.load(request);
            exchange.invalidate();
            return loaded;
          }
        };
    TokenRefreshFilter filter = filter(racing);

    filter.doFilter(exchange.request, exchange.response, app);

    assertThat(exchange.status.get()).as("no 500 escaped").isZero();
    assertThat(servedByTheApp.get()).isEqualTo(1);
    assertThat(tokenSeenByTheApp.get()).isNull();
    assertThat(idp.calls()).isZero();
  }

  @Test
  void request_ofAnAlreadyInvalidatedSession_passesThroughWithoutTokens() throws Exception {
    FakeExchange exchange = new FakeExchange("session-1");
    store.save(exchange.request, Tokens.expired());
    exchange.invalidate();
    TokenRefreshFilter filter = filter(store);

    filter.doFilter(exchange.request, exchange.response, app);

    assertThat(exchange.status.get()).isZero();
    assertThat(servedByTheApp.get()).isEqualTo(1);
    assertThat(tokenSeenByTheApp.get()).isNull();
  }

  /**
   * Sends a request of {@code session-1} in and holds it suspended on the refresh, runs {@code
   * meanwhile} on its exchange, then lets the refresh end and the request resume.
   */
  private FakeExchange suspendedThenResumed(Consumer<FakeExchange> meanwhile) throws Exception {
    FakeExchange exchange = new FakeExchange("session-1");
    TokenRefreshFilter filter = filter(store);
    suspend(filter, exchange);
    meanwhile.accept(exchange);
    resume(filter, exchange);
    return exchange;
  }

  /** Saves expired tokens and sends the request in: it is suspended on the held refresh. */
  private void suspend(TokenRefreshFilter filter, FakeExchange exchange) throws Exception {
    store.save(exchange.request, Tokens.expired());
    filter.doFilter(exchange.request, exchange.response, app);
    idp.awaitEntered(1);
    assertThat(exchange.suspended).as("suspended on the refresh").isTrue();
    assertThat(servedByTheApp.get()).isZero();
  }

  /** Lets the provider answer and waits until the container's async dispatch ran the filter. */
  private void resume(TokenRefreshFilter filter, FakeExchange exchange) throws Exception {
    CountDownLatch dispatched = new CountDownLatch(1);
    AtomicReference<Exception> failed = new AtomicReference<>();
    exchange.onDispatch =
        () -> {
          try {
            filter.doFilter(exchange.request, exchange.response, app);
          } catch (Exception e) {
            failed.set(e);
          } finally {
            dispatched.countDown();
          }
        };
    idp.open();
    assertThat(dispatched.await(10, TimeUnit.SECONDS)).as("dispatched").isTrue();
    assertThat(failed.get()).as("exception out of the resumed filter").isNull();
    assertThat(exchange.dispatches.get()).isEqualTo(1);
  }

  private TokenRefreshFilter filter(TokenStore tokens) {
    return new StubRefreshService(
        FilterSettings.defaults(Duration.ofSeconds(30)), T0, fixture.coordinator::refresh) {
      @Override
      public void stored(SessionKey session, TokenSet previous) {
        fixture.coordinator.stored(session, previous);
      }

      @Override
      public void discarded(SessionKey session, TokenSet previous) {
        fixture.coordinator.discarded(session, previous);
      }
    }.filter(tokens);
  }
}
