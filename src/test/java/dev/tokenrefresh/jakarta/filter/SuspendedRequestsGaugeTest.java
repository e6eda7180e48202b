package dev.tokenrefresh.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.jakarta.store.HttpSessionTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
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
    return new StubRefreshService(
        FilterSettings.defaults(Duration.ofSeconds(30)), T0, (session, current) -> refresh) {
      @Override
      public void reportSuspended(IntSupplier count) {
        gauge.set(count);
      }
    }.filter(new HttpSessionTokenStore());
  }
}
