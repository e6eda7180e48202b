package dev.tokenrefresh.example.demo;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser without a screen: a JDK HTTP client that keeps cookies and follows redirects, so that
 * it can log in through the real authorization-code flow (mock-oauth2-server without its login form
 * redirects straight back with a code; Keycloak's form is filled in by the Keycloak suite). Its
 * cookie jar treats loopback as a secure context, as browsers do ({@link LoopbackCookies}). One
 * instance is one user session. Thread-safe: any number of requests may run at once and share the
 * session cookie.
 */
public final class Browser {

  private final HttpClient client;

  /** A browser with an empty cookie jar that follows redirects. */
  public Browser() {
    this(HttpClient.Redirect.NORMAL);
  }

  /**
   * A browser with an empty cookie jar.
   *
   * @param redirects {@code NEVER} to see each step of a flow on its own
   */
  public Browser(HttpClient.Redirect redirects) {
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(redirects)
            .cookieHandler(new LoopbackCookies())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /**
   * Logs in: {@code GET /login} → provider's authorize endpoint → {@code /callback} → start page.
   *
   * @throws IllegalStateException when the flow does not end on the start page with 200
   */
  public void login(URI app) throws IOException, InterruptedException {
    HttpResponse<String> landed = get(app.resolve("login"));
    if (landed.statusCode() != 200 || !landed.uri().equals(app)) {
      throw new IllegalStateException(
          "login ended at "
              + landed.uri()
              + " with HTTP "
              + landed.statusCode()
              + ": "
              + landed.body());
    }
  }

  /**
   * Logs out as the page's form does: {@code POST /logout} with the session's CSRF token (from
   * {@code /api/me}), following the redirects through the provider's end-session endpoint.
   *
   * @return the last answer of the redirects
   */
  public HttpResponse<String> logout(URI app) throws IOException, InterruptedException {
    HttpResponse<String> me = get(app.resolve("api/me"));
    String csrf = me.body().replaceAll("(?s).*\"csrf\":\"([^\"]+)\".*", "$1");
    return client.send(
        HttpRequest.newBuilder(app.resolve("logout"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET uri}, following redirects. */
  public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET <app>/api/me}. */
  public Me me(URI app) throws IOException, InterruptedException {
    return json(app.resolve("api/me"));
  }

  /** {@code GET uri} of a JSON resource, following redirects. */
  public Me json(URI uri) throws IOException, InterruptedException {
    return Me.of(get(uri));
  }

  /**
   * {@code GET uri} as a page load ({@code Accept: text/html}), following redirects; {@link
   * HttpResponse#previousResponse()} holds the redirects on the way.
   */
  public HttpResponse<String> navigate(URI uri) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri)
            .header("Accept", "text/html")
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * {@code POST uri} of an HTML form ({@code application/x-www-form-urlencoded}), following
   * redirects, as a browser submits a login form.
   */
  public HttpResponse<String> submitForm(URI uri, Map<String, String> fields)
      throws IOException, InterruptedException {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return client.send(
        HttpRequest.newBuilder(uri)
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * An answer of {@code GET /api/me}.
   *
   * @param status the HTTP status
   * @param json the JSON body, empty when it was not JSON
   */
  public record Me(int status, Map<String, Object> json) {

    static Me of(HttpResponse<String> response) {
      Map<String, Object> json;
      try {
        json = JSONObjectUtils.parse(response.body());
      } catch (ParseException e) {
        json = Map.of();
      }
      return new Me(response.statusCode(), json);
    }

    /** The user's subject. */
    public String sub() {
      return String.valueOf(json.get("sub"));
    }

    /** The access token's expiry, epoch seconds. */
    public long exp() {
      return ((Number) json.get("exp")).longValue();
    }

    /** How many times the session was refreshed. */
    public int refreshes() {
      return ((Number) json.get("refreshes")).intValue();
    }

    /** The error code of a failed answer. */
    public String error() {
      return String.valueOf(json.get("error"));
    }
  }
}
