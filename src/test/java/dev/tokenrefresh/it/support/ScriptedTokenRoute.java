package dev.tokenrefresh.it.support;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;

/**
 * The route placed before mock-oauth2-server's own: it counts refresh-token grants and answers each
 * with the next scripted {@link IdpStep} (or the standing one), passing the rest through. Other
 * requests (discovery, authorize, the login's code exchange) are neither counted nor touched.
 *
 * <p>The router may call {@link #match} more than once for one request, so the step is decided on
 * the first call and remembered per request object. Thread-safe.
 */
final class ScriptedTokenRoute implements Route {

  private final AtomicInteger refreshCalls = new AtomicInteger();
  private final Queue<IdpStep> next = new ConcurrentLinkedQueue<>();
  private volatile IdpStep standing = IdpStep.passThrough();

  /** Guarded by itself. Cleared by {@link #reset}; grows by one entry per refresh until then. */
  private final Map<OAuth2HttpRequest, IdpStep> decided = new IdentityHashMap<>();

  @Override
  public boolean match(OAuth2HttpRequest request) {
    if (!isRefreshGrant(request)) {
      return false;
    }
    IdpStep step;
    boolean first;
    synchronized (decided) {
      step = decided.get(request);
      first = step == null;
      if (first) {
        refreshCalls.incrementAndGet();
        IdpStep queued = next.poll();
        step = queued == null ? standing : queued;
        decided.put(request, step);
      }
    }
    if (first) {
      step.awaitTurn(); // outside the lock: other refreshes go on meanwhile
    }
    return step.replies();
  }

  @Override
  public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
    IdpStep step;
    synchronized (decided) {
      step = decided.get(request);
    }
    return step == null ? IdpStep.lost() : step.reply(request);
  }

  void enqueue(IdpStep step) {
    next.add(step);
  }

  void answerEveryRefresh(IdpStep step) {
    standing = step;
  }

  int refreshCalls() {
    return refreshCalls.get();
  }

  void reset() {
    next.clear();
    standing = IdpStep.passThrough();
    synchronized (decided) {
      decided.clear();
    }
    refreshCalls.set(0);
  }

  private static boolean isRefreshGrant(OAuth2HttpRequest request) {
    String body = request.getBody();
    return "POST".equals(request.getMethod())
        && request.getUrl().encodedPath().endsWith("/token")
        && body != null
        && body.contains("grant_type=refresh_token");
  }

  @Override
  public String toString() {
    return "ScriptedTokenRoute[refreshCalls=" + refreshCalls.get() + "]";
  }
}
