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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code token-refresh.exclude-paths} is matched against the path the container routes by (decoded,
 * normalised, without path parameters), on whole segments; never against the raw request URI.
 */
class ExcludePathsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicInteger refreshes = new AtomicInteger();

  @ParameterizedTest(name = "{0}: excluded {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "the excluded path | /app/login | /login | | true",
        "a path below the excluded path | /app/login/callback | /login | /callback | true",
        "a path parameter on the excluded path | /app/login;jsessionid=abc | /login | | true",
        "an encoded spelling of the excluded path | /app/%6Cogin | /login | | true",
        "a longer segment | /app/login-history | /login-history | | false",
        // The container resolves /login/../api/me to /api/me and routes it to the API.
        "a dot segment leaving the excluded path | /app/login/../api/me | /api | /me | false",
        // A container that decodes %2F routes /api%2F..%2Flogin by its decoded, normalised path.
        "an encoded slash into the excluded path | /app/api%2F..%2Flogin | /login | | true",
        "an encoded slash out of the excluded path | /app/login%2F..%2Fapi/me | /api | /me | false"
      })
  void exclusion_followsTheRoutedPath(
      String request, String rawUri, String servletPath, String pathInfo, boolean excluded)
      throws Exception {
    assertThat(refreshed(rawUri, servletPath, pathInfo)).isEqualTo(!excluded);
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
