package dev.tokenrefresh.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.cdi.TokenRefreshService;
import dev.tokenrefresh.jakarta.store.HttpSessionTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * The filter reports how many requests wait for a refresh ({@code
 * token_refresh_suspended_requests}): one while it is suspended, none once it resumed.
 */
class SuspendedRequestsGaugeTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final CompletableFuture<TokenSet> refresh = new CompletableFuture<>();
  private final AtomicReference<IntSupplier> gauge = new AtomicReference<>();

  @Test
  void aSuspendedRequest_countsUntilItResumes() throws Exception {
    TokenRefreshFilter filter = filter();
    FakeExchange exchange = new FakeExchange("session-1");
    new HttpSessionTokenStore().save(exchange.request, Tokens.expired());
    exchange.onDispatch =
        () -> {
          try {
            filter.doFilter(exchange.request, exchange.response, (req, res) -> {});
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    assertThat(gauge.get().getAsInt()).as("before any request").isZero();

    filter.doFilter(exchange.request, exchange.response, (req, res) -> {});
    assertThat(exchange.suspended).isTrue();
    assertThat(gauge.get().getAsInt()).as("while suspended").isEqualTo(1);

    refresh.complete(Tokens.rotated());
    assertThat(exchange.dispatches.get()).isEqualTo(1);
    assertThat(gauge.get().getAsInt()).as("after it resumed").isZero();
  }

  private TokenRefreshFilter filter() {
    TokenRefreshFilter filter = new TokenRefreshFilter();
    filter.service =
        new TokenRefreshService() {
          @Override
          public CompletionStage<TokenSet> refresh(SessionKey session, TokenSet current) {
            return refresh;
          }

          @Override
          public void stored(SessionKey session, TokenSet previous) {}

          @Override
          public void reportSuspended(IntSupplier count) {
            gauge.set(count);
          }

          @Override
          public FilterSettings filterSettings() {
            return FilterSettings.defaults(Duration.ofSeconds(30));
          }

          @Override
          public Clock clock() {
            return Clock.fixed(T0, ZoneOffset.UTC);
          }
        };
    filter.store = new HttpSessionTokenStore();
    filter.init();
    return filter;
  }
}
