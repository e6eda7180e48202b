package dev.tokenrefresh.it.cluster;

import dev.tokenrefresh.it.app.SessionTokensServlet;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.Http;
import dev.tokenrefresh.it.support.TokenGrant;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One user's HTTP session on a cluster without sticky sessions: every request goes to the next node
 * in turn, all with the same cookies, and the cookies the nodes set are kept as a browser keeps
 * them (Payara's replicated sessions set {@code JSESSIONIDVERSION} after each change; a client that
 * sent an old one would be served a node's stale local copy). Thread-safe: a burst sends many
 * requests of one session at once.
 */
final class SpreadSession {

  private static final String TOKENS_PATH = "support/tokens";

  private final List<URI> nodes;

  /** Guarded by itself: cookie name to value, in the order first set. */
  private final Map<String, String> cookies;

  private final AtomicInteger turn = new AtomicInteger();

  private SpreadSession(List<URI> nodes, Map<String, String> cookies) {
    this.nodes = List.copyOf(nodes);
    this.cookies = new LinkedHashMap<>(cookies);
  }

  /**
   * Logs in on the first node: a new session holding {@code tokens}, the access token expiring
   * {@code expiresIn} from now (negative: expired already).
   *
   * @param nodes the application's base address on each node, each ending with a slash
   */
  static SpreadSession login(List<URI> nodes, TokenGrant tokens, Duration expiresIn) {
    SpreadSession s = new SpreadSession(nodes, Map.of());
    HttpResponse<String> r =
        s.send(
            0,
            HttpRequest.newBuilder(nodes.get(0).resolve(TOKENS_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(tokens, expiresIn))));
    if (r.statusCode() != 204 || s.cookieHeader().isEmpty()) {
      throw new AssertionError("login: HTTP " + r.statusCode() + ", cookies " + s.cookies.keySet());
    }
    return s;
  }

  /**
   * A second tab that starts with this session's cookies as they are now and keeps its own from
   * then on: a client that goes on sending cookies the cluster has since replaced.
   */
  SpreadSession tabWithCurrentCookies() {
    synchronized (cookies) {
      return new SpreadSession(nodes, cookies);
    }
  }

  /** An API call to the echo servlet on the next node in turn. */
  Echo echoOnNextNode() {
    return echo(Math.floorMod(turn.getAndIncrement(), nodes.size()));
  }

  /** An API call to the echo servlet on {@code node}. */
  Echo echo(int node) {
    return Echo.of(
        send(
            node,
            HttpRequest.newBuilder(nodes.get(node).resolve("echo"))
                .header("Accept", "application/json")
                .GET()));
  }

  /** The tokens the session holds, read past the filter on {@code node}; empty when none. */
  Optional<TokenGrant> storedTokens(int node) {
    HttpResponse<String> r =
        send(node, HttpRequest.newBuilder(nodes.get(node).resolve(TOKENS_PATH)));
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

  private HttpResponse<String> send(int node, HttpRequest.Builder request) {
    String cookie = cookieHeader();
    if (!cookie.isEmpty()) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> r = Http.send(request);
    keep(r.headers().allValues("Set-Cookie"));
    return r;
  }

  private String cookieHeader() {
    synchronized (cookies) {
      return cookies.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; "));
    }
  }

  private void keep(List<String> setCookies) {
    synchronized (cookies) {
      for (String header : setCookies) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String name = pair.substring(0, eq).trim();
        if (header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, pair.substring(eq + 1).trim());
        }
      }
    }
  }

  private static String form(TokenGrant tokens, Duration expiresIn) {
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

  @Override
  public String toString() {
    synchronized (cookies) {
      return "SpreadSession[" + nodes.size() + " nodes, cookies " + cookies.keySet() + "]";
    }
  }
}
