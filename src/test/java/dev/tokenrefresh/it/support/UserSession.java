package dev.tokenrefresh.it.support;

import dev.tokenrefresh.it.app.SessionTokensServlet;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * One logged-in user: an HTTP session of the deployment (its cookies) and the tokens it logged in
 * with. Requests are API calls ({@code Accept: application/json}) unless they are navigations. On a
 * cluster, {@link #on} sends the same session's requests to another node, with the same cookies.
 * Thread-safe: a burst sends many requests of one session at once.
 *
 * @param app the application (on one node) this view of the session talks to
 * @param cookies the session's cookies, shared by every view of it on other nodes
 * @param login the tokens this session logged in with
 */
public record UserSession(TestApp app, CookieJar cookies, TokenGrant login) {

  /**
   * This session as {@code node} (the same application on another node of a cluster) sees it: the
   * same cookies, shared with this view, so that what either node sets is sent to both.
   */
  public UserSession on(TestApp node) {
    return new UserSession(node, cookies, login);
  }

  /**
   * A second tab that starts with this session's cookies as they are now and keeps its own from
   * then on: a client that goes on sending cookies the cluster has since replaced.
   */
  public UserSession tabWithCurrentCookies() {
    return new UserSession(app, cookies.copy(), login);
  }

  /** An API call. */
  public HttpResponse<String> get(String path) {
    return send(path, "application/json");
  }

  /** A browser's page load. */
  public HttpResponse<String> navigate(String path) {
    return send(path, "text/html,application/xhtml+xml");
  }

  /** An API call to one of the echo servlets. */
  public Echo echo(String path) {
    return Echo.of(get(path));
  }

  /** The tokens the session holds now, read past the filter. */
  public Optional<TokenGrant> storedTokens() {
    HttpResponse<String> r = get(TestApp.SESSION_TOKENS);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw new AssertionError("reading the session's tokens: HTTP " + r.statusCode());
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(
        new TokenGrant(
            p.getProperty(SessionTokensServlet.ACCESS_TOKEN),
            p.getProperty(SessionTokensServlet.REFRESH_TOKEN)));
  }

  /** Puts {@code tokens} into the session, the access token expiring {@code expiresIn} from now. */
  public void store(TokenGrant tokens, Duration expiresIn) {
    HttpResponse<String> r = app.postTokens(cookies.header(), tokens, expiresIn);
    if (r.statusCode() != 204) {
      throw new AssertionError("storing tokens: HTTP " + r.statusCode());
    }
  }

  static String form(TokenGrant tokens, Duration expiresIn) {
    return SessionTokensServlet.ACCESS_TOKEN
        + "="
        + URLEncoder.encode(tokens.accessToken(), StandardCharsets.UTF_8)
        + "&"
        + SessionTokensServlet.REFRESH_TOKEN
        + "="
        + URLEncoder.encode(tokens.refreshToken(), StandardCharsets.UTF_8)
        + "&"
        + SessionTokensServlet.EXPIRES_IN
        + "="
        + expiresIn.toSeconds();
  }

  private HttpResponse<String> send(String path, String accept) {
    HttpResponse<String> r =
        Http.send(
            HttpRequest.newBuilder(app.uri(path))
                .header("Cookie", cookies.header())
                .header("Accept", accept)
                .GET());
    cookies.update(r.headers().allValues("Set-Cookie"));
    return r;
  }

  @Override
  public String toString() {
    return "UserSession[" + app.contextPath() + ", " + cookies + "]";
  }
}
