package dev.tokenrefresh.it.cluster;

import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.TokenGrant;
import dev.tokenrefresh.it.support.UserSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One user's {@link UserSession} on a cluster without sticky sessions: the same session (one cookie
 * jar, kept as a browser keeps it) seen by every node, and requests sent to the nodes in turn.
 * Thread-safe: a burst sends many requests of one session at once.
 */
final class SessionOnNodes {

  private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([a-z_]+)\"");

  private final List<UserSession> views;
  private final AtomicInteger turn = new AtomicInteger();

  private SessionOnNodes(List<UserSession> views) {
    this.views = List.copyOf(views);
  }

  /**
   * Logs in on node 0 of {@code nodes}' deployment at {@code context}: a new session holding {@code
   * tokens}, the access token expiring {@code expiresIn} from now (negative: expired already).
   */
  static SessionOnNodes login(
      ClusterNodes nodes, String context, TokenGrant tokens, Duration expiresIn) {
    List<TestApp> apps =
        IntStream.range(0, nodes.size())
            .mapToObj(i -> new TestApp(nodes.base(i, context)))
            .toList();
    UserSession first = apps.get(0).loginAsBrowser(tokens, expiresIn);
    return new SessionOnNodes(apps.stream().map(first::on).toList());
  }

  /**
   * A second tab that starts with this session's cookies as they are now and keeps its own from
   * then on: a client that goes on sending cookies the cluster has since replaced.
   */
  SessionOnNodes tabWithCurrentCookies() {
    UserSession tab = views.get(0).tabWithCurrentCookies();
    return new SessionOnNodes(views.stream().map(v -> tab.on(v.app())).toList());
  }

  /** An API call to the echo servlet on the next node in turn. */
  Echo echoOnNextNode() {
    return echo(Math.floorMod(turn.getAndIncrement(), views.size()));
  }

  /** An API call to the echo servlet on {@code node}. */
  Echo echo(int node) {
    return views.get(node).echo("/echo");
  }

  /**
   * An API call to the echo servlet on {@code node}, as {@code "<status> <error>"} from the
   * filter's JSON error body ({@code "401 session_expired"}), or the status alone.
   */
  String errorOf(int node) {
    HttpResponse<String> r = views.get(node).get("/echo");
    Matcher m = ERROR.matcher(r.statusCode() == 200 ? "" : r.body());
    return r.statusCode() + (m.find() ? " " + m.group(1) : "");
  }

  /**
   * Writes {@code tokens} into the session on {@code node}, past the filter, as a request that
   * saves its copy of the session does.
   */
  void store(int node, TokenGrant tokens, Duration expiresIn) {
    views.get(node).store(tokens, expiresIn);
  }

  /** The tokens the session holds, read past the filter on {@code node}; empty when none. */
  Optional<TokenGrant> storedTokens(int node) {
    return views.get(node).storedTokens();
  }

  /**
   * Waits, bounded by {@code max}, until {@code node} reads exactly {@code tokens} from the
   * session: a write on one node reaches the others' reads in the cluster's own time.
   *
   * @throws AssertionError naming {@code what} and the last reading when it does not
   */
  void awaitStored(int node, TokenGrant tokens, Duration max, String what) {
    Poll.until(
        what,
        max,
        Duration.ofMillis(250),
        () -> storedTokens(node),
        stored -> stored.isPresent() && stored.get().equals(tokens));
  }

  @Override
  public String toString() {
    return "SessionOnNodes" + views;
  }
}
