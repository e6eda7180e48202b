package dev.tokenrefresh.it.sidebyside;

import dev.tokenrefresh.it.support.Http;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A user of the built-in client's WAR, logged in as a browser would: the protected resource
 * redirects to the provider's authorize endpoint, which (not interactive) redirects back to the
 * redirect URI with a code, which the client exchanges. Keeps the session's cookies. Thread-safe
 * once logged in (a burst sends many requests of one user at once).
 */
final class BuiltInUser {

  private static final int MAX_REDIRECTS = 5;
  private static final String WHOAMI = "/support/whoami";
  private static final Duration PAST_EXPIRY =
      MockIdp.BUILT_IN_TOKEN_LIFETIME.plus(Duration.ofMillis(1500));

  private final TestApp app;
  private final String cookie;

  private BuiltInUser(TestApp app, String cookie) {
    this.app = app;
    this.cookie = cookie;
  }

  /** Follows the login's redirects from {@code /echo} and checks that the session is logged in. */
  static BuiltInUser login(TestApp app) {
    Map<String, String> cookies = new LinkedHashMap<>();
    URI next = app.uri("/echo");
    for (int i = 0; i < MAX_REDIRECTS; i++) {
      boolean ours = next.getAuthority().equals(app.uri("/").getAuthority());
      HttpRequest.Builder request = HttpRequest.newBuilder(next).GET();
      if (ours && !cookies.isEmpty()) {
        request.header("Cookie", header(cookies));
      }
      HttpResponse<String> r = Http.send(request);
      if (ours) {
        for (String c : r.headers().allValues("Set-Cookie")) {
          String[] nameValue = c.split(";", 2)[0].split("=", 2);
          cookies.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
        }
      }
      if (r.statusCode() / 100 != 3) {
        break;
      }
      next = next.resolve(r.headers().firstValue("Location").orElseThrow());
    }
    BuiltInUser user = new BuiltInUser(app, header(cookies));
    if (!user.loggedIn()) {
      throw new AssertionError("login through the built-in client failed");
    }
    return user;
  }

  /** Waits until the session's tokens have expired ({@link MockIdp#BUILT_IN_TOKEN_LIFETIME}). */
  void waitPastExpiry() {
    SlowRefreshRun.sleep(PAST_EXPIRY);
  }

  /** The protected resource; the client refreshes the session's tokens when they have expired. */
  HttpResponse<String> echo() {
    return get("/echo");
  }

  /**
   * Whether the session is still logged in (an unprotected resource: if its tokens have expired,
   * the client refreshes them first and logs the session out when that fails).
   */
  boolean loggedIn() {
    return whoami() == 204;
  }

  /**
   * The status of the unprotected resource: 204 logged in, 401 not; with the takeover also its
   * refresh outcomes (503 while the provider or the breaker refuses).
   */
  int whoami() {
    return get(WHOAMI).statusCode();
  }

  private HttpResponse<String> get(String path) {
    return Http.send(HttpRequest.newBuilder(app.uri(path)).header("Cookie", cookie).GET());
  }

  private static String header(Map<String, String> cookies) {
    return cookies.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }
}
