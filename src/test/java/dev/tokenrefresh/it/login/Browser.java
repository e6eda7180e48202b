package dev.tokenrefresh.it.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * A browser of the login tests: one session cookie for the application (kept from every {@code
 * Set-Cookie}), navigations with {@code Sec-Fetch-Mode: navigate}, API calls with {@code Accept:
 * application/json}, and the provider's redirects followed by hand. Not thread-safe.
 */
final class Browser {

  private final URI base;
  private String cookie;

  /**
   * @param base the application's URL, ending with its context path and /
   */
  Browser(URI base) {
    this.base = base;
  }

  String cookie() {
    return cookie;
  }

  HttpResponse<String> navigate(String path) {
    return send(
        request(path)
            .header("Accept", "text/html,application/xhtml+xml")
            .header("Sec-Fetch-Mode", "navigate")
            .GET());
  }

  HttpResponse<String> api(String path) {
    return send(request(path).header("Accept", "application/json").GET());
  }

  HttpResponse<String> post(String path, String form) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /**
   * Logs in through the mechanism: the protected page sends the browser to the provider, whose
   * authorize endpoint answers at once with a code, which the callback redeems.
   *
   * @return the callback's answer
   */
  HttpResponse<String> login(String protectedPath) {
    HttpResponse<String> toProvider = navigate(protectedPath);
    assertThat(toProvider.statusCode()).as("redirect to the provider").isEqualTo(302);
    return callback(location(toProvider));
  }

  /** Follows the provider's authorize redirect, then the redirect back to the callback. */
  HttpResponse<String> callback(URI authorize) {
    HttpResponse<String> atProvider = Http.send(HttpRequest.newBuilder(authorize).GET());
    assertThat(atProvider.statusCode()).as("the provider answers with a code").isEqualTo(302);
    return navigateTo(location(atProvider));
  }

  HttpResponse<String> navigateTo(URI absolute) {
    return send(
        HttpRequest.newBuilder(absolute)
            .header("Accept", "text/html")
            .header("Sec-Fetch-Mode", "navigate")
            .GET());
  }

  static URI location(HttpResponse<String> response) {
    return URI.create(
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new AssertionError("no Location: HTTP " + response.statusCode())));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path.substring(1)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> response = Http.send(request);
    sessionCookie(response).ifPresent(c -> cookie = c);
    return response;
  }

  private static Optional<String> sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.split(";", 2)[0])
        .reduce((first, last) -> last);
  }
}
