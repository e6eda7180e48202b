package dev.tokenrefresh.example.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;

/**
 * The demo's OpenID Connect provider: mock-oauth2-server as its standalone mode runs it (the JSON
 * configuration of {@code JSON_CONFIG}, in {@code demo/idp-config.json}: no login form, rotating
 * refresh tokens, short-lived access tokens), on 127.0.0.1 only, plus one thing of ours: it counts
 * the requests that reach its token endpoint, by grant type. That count is taken inside the
 * provider, independently of the module's own metrics. Thread-safe.
 */
public final class DemoIdp implements AutoCloseable {

  /** The issuer id: the issuer is {@code http://127.0.0.1:<port>/demo}. */
  public static final String ISSUER_ID = "demo";

  private final MockOAuth2Server server;
  private final Map<String, AtomicInteger> tokenCalls = new ConcurrentHashMap<>();

  private DemoIdp(int tokenExpirySeconds, Consumer<String> onTokenCall) {
    String json = config().replace("@TOKEN_EXPIRY_SECONDS@", Integer.toString(tokenExpirySeconds));
    server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(json), counter(onTokenCall));
  }

  /**
   * Starts the provider on 127.0.0.1.
   *
   * @param port the port, 0 for any free one
   * @param tokenExpirySeconds how long its access (and ID) tokens live
   * @param onTokenCall told the grant type of each token-endpoint request, as it arrives
   */
  public static DemoIdp start(int port, int tokenExpirySeconds, Consumer<String> onTokenCall)
      throws IOException {
    DemoIdp idp = new DemoIdp(tokenExpirySeconds, onTokenCall);
    idp.server.start(InetAddress.getByName("127.0.0.1"), port);
    return idp;
  }

  /**
   * The issuer: {@code http://127.0.0.1:<port>/demo}. The provider derives the issuer in its
   * discovery document from the address it is called at, so everyone must call it at this one
   * (mock-oauth2-server's own {@code issuerUrl} would say {@code localhost}).
   */
  public URI issuer() {
    return URI.create("http://127.0.0.1:" + server.baseUrl().port() + "/" + ISSUER_ID);
  }

  /** Token-endpoint requests received so far with this grant type. */
  public int tokenCalls(String grantType) {
    AtomicInteger n = tokenCalls.get(grantType);
    return n == null ? 0 : n.get();
  }

  /** Token-endpoint requests received so far, by grant type. */
  public Map<String, Integer> tokenCallsByGrant() {
    Map<String, Integer> copy = new TreeMap<>();
    tokenCalls.forEach((grant, n) -> copy.put(grant, n.get()));
    return copy;
  }

  @Override
  public void close() {
    server.shutdown();
  }

  /**
   * A route placed before mock-oauth2-server's own: it never handles a request, it only counts the
   * POSTs to the token endpoint as the router looks for a handler. The router may ask a route more
   * than once about the same request, so each request object is counted once (by identity: two
   * identical refresh requests are still two calls).
   */
  private Route counter(Consumer<String> onTokenCall) {
    Set<OAuth2HttpRequest> counted =
        Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    return new Route() {
      @Override
      public boolean match(OAuth2HttpRequest request) {
        if ("POST".equals(request.getMethod())
            && request.getUrl().encodedPath().equals("/" + ISSUER_ID + "/token")
            && counted.add(request)) {
          String grant = String.valueOf(request.getFormParameters().get("grant_type"));
          tokenCalls.computeIfAbsent(grant, g -> new AtomicInteger()).incrementAndGet();
          onTokenCall.accept(grant);
        }
        return false;
      }

      @Override
      public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        throw new IllegalStateException("the counting route never handles a request");
      }
    };
  }

  private static String config() {
    try (InputStream in = DemoIdp.class.getResourceAsStream("/demo/idp-config.json")) {
      if (in == null) {
        throw new IllegalStateException("demo/idp-config.json is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
