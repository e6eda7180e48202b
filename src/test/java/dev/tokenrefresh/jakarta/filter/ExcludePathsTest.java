package dev.tokenrefresh.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.jakarta.store.HttpSessionTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code token-refresh.exclude-paths} is matched against the path the container routes by (decoded,
 * normalised, without path parameters), on whole segments; never against the raw request URI.
 */
class ExcludePathsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicInteger refreshes = new AtomicInteger();

  @Test
  void aLongerSegment_isNotExcluded() throws Exception {
    assertThat(refreshed("/app/login-history", "/login-history", null)).isTrue();
  }

  @Test
  void theExcludedPathAndThoseBelowIt_areExcluded() throws Exception {
    assertThat(refreshed("/app/login", "/login", null)).isFalse();
    assertThat(refreshed("/app/login/callback", "/login", "/callback")).isFalse();
  }

  @Test
  void aPathParameterOnTheExcludedPath_isExcluded() throws Exception {
    assertThat(refreshed("/app/login;jsessionid=abc", "/login", null)).isFalse();
  }

  @Test
  void anEncodedSpellingOfTheExcludedPath_isExcluded() throws Exception {
    assertThat(refreshed("/app/%6Cogin", "/login", null)).isFalse();
  }

  @Test
  void aDotSegmentLeavingTheExcludedPath_isNotExcluded() throws Exception {
    // The container resolves /login/../api/me to /api/me and routes it to the API.
    assertThat(refreshed("/app/login/../api/me", "/api", "/me")).isTrue();
  }

  @Test
  void anEncodedSlashIntoTheExcludedPath_isJudgedByTheRoutedPath() throws Exception {
    // A container that decodes %2F routes /api%2F..%2Flogin by its decoded, normalised path.
    assertThat(refreshed("/app/api%2F..%2Flogin", "/login", null)).isFalse();
    assertThat(refreshed("/app/login%2F..%2Fapi/me", "/api", "/me")).isTrue();
  }

  /** Sends one request with expired tokens; whether the filter started a refresh for it. */
  private boolean refreshed(String rawUri, String servletPath, String pathInfo) throws Exception {
    int before = refreshes.get();
    FakeExchange exchange = new FakeExchange("session-1");
    exchange.contextPath = "/app";
    exchange.requestUri = rawUri;
    exchange.servletPath = servletPath;
    exchange.pathInfo = pathInfo;
    HttpSessionTokenStore store = new HttpSessionTokenStore();
    store.save(exchange.request, Tokens.expired());
    TokenRefreshFilter filter = service().filter(store);
    filter.doFilter(exchange.request, exchange.response, (req, res) -> {});
    return refreshes.get() > before;
  }

  private StubRefreshService service() {
    return new StubRefreshService(
        new FilterSettings(
            true,
            Duration.ofSeconds(30),
            List.of("/login"),
            "",
            false,
            Duration.ofSeconds(1),
            10,
            10),
        T0,
        (session, current) -> {
          refreshes.incrementAndGet();
          return CompletableFuture.completedFuture(Tokens.rotated());
        });
  }
}
