package dev.tokenrefresh.it.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The deployed test application as a client sees it: its paths, logins (each a new HTTP session)
 * and the server's metrics. Immutable and thread-safe.
 */
public final class TestApp {

  /** The test-only login servlet; excluded from the filter by the test configuration. */
  static final String SESSION_TOKENS = "/support/tokens";

  /** An access token that expired a second ago. */
  public static final Duration EXPIRED = Duration.ofSeconds(-1);

  /** An access token that stays valid through any test. */
  public static final Duration VALID = Duration.ofMinutes(10);

  private final URI base;

  /**
   * @param base the deployment's URL as Arquillian injects it (ends with the context path and /)
   */
  public TestApp(URL base) {
    try {
      this.base = base.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * @param base the deployment's address, ending with the context path and /
   */
  public TestApp(URI base) {
    this.base = base;
  }

  /** {@code path} (starting with /) within the application. */
  public URI uri(String path) {
    return base.resolve(path.substring(1));
  }

  /** The application's context path, without a trailing slash. */
  public String contextPath() {
    String p = base.getPath();
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** A new session, logged in with a fresh grant whose access token has already expired. */
  public UserSession loginExpired() {
    return login(MockIdp.shared().login(), EXPIRED);
  }

  /** A new session holding {@code tokens}, the access token expiring {@code expiresIn} from now. */
  public UserSession login(TokenGrant tokens, Duration expiresIn) {
    return login(tokens, expiresIn, false);
  }

  /**
   * Like {@link #login(TokenGrant, Duration)}, and the session keeps the cookies the servers set
   * afterwards, as a browser does: on a cluster, where Payara's replicated sessions set {@code
   * JSESSIONIDVERSION} after each change.
   */
  public UserSession loginAsBrowser(TokenGrant tokens, Duration expiresIn) {
    return login(tokens, expiresIn, true);
  }

  private UserSession login(TokenGrant tokens, Duration expiresIn, boolean keepsCookieUpdates) {
    HttpResponse<String> r = postTokens(null, tokens, expiresIn);
    if (r.statusCode() != 204) {
      throw new AssertionError("login: HTTP " + r.statusCode() + " " + r.body());
    }
    CookieJar cookies = CookieJar.of(r.headers().allValues("Set-Cookie"), keepsCookieUpdates);
    if (cookies.isEmpty()) {
      throw new AssertionError("login: no session cookie");
    }
    return new UserSession(this, cookies, tokens);
  }

  /**
   * The server's metrics: MicroProfile Metrics at the root of Payara's HTTP port; on WildFly (where
   * the build sets {@code it.wildfly.management-port}) Micrometer's Prometheus registry on the
   * management interface.
   */
  public Metrics metrics() {
    return Metrics.scrape(serverEndpoint("/metrics", "/prometheus"))
        .ofDeployment(contextPath().substring(1));
  }

  /** The module's readiness check: MicroProfile Health, where {@link #metrics()} says. */
  public Health readiness() {
    return Health.read(serverEndpoint("/health/ready", "/health/ready"), "token-refresh");
  }

  private URI serverEndpoint(String onPayara, String onWildFlyManagement) {
    String management = System.getProperty("it.wildfly.management-port");
    return management == null
        ? base.resolve(onPayara)
        : URI.create("http://127.0.0.1:" + management + onWildFlyManagement);
  }

  HttpResponse<String> postTokens(String cookie, TokenGrant tokens, Duration expiresIn) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(SESSION_TOKENS))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(UserSession.form(tokens, expiresIn)));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return Http.send(request);
  }
}
