package dev.tokenrefresh.bench.harness;

import dev.tokenrefresh.core.token.SessionKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The filter's bound on suspended requests, in total and per session ({@code
 * token-refresh.max-suspended}, {@code token-refresh.max-suspended-per-flight}): the same logic as
 * the package-private {@code dev.tokenrefresh.jakarta.filter.SuspensionLimit}, which the harness
 * cannot reach. A request beyond either bound is answered 503 at once. Thread-safe.
 */
final class SuspensionBound {

  private final int maxTotal;
  private final int maxPerSession;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<SessionKey, Integer> perSession = new ConcurrentHashMap<>();

  SuspensionBound(int maxTotal, int maxPerSession) {
    this.maxTotal = maxTotal;
    this.maxPerSession = maxPerSession;
  }

  boolean tryEnter(SessionKey session) {
    if (total.incrementAndGet() > maxTotal) {
      total.decrementAndGet();
      return false;
    }
    boolean[] admitted = new boolean[1];
    perSession.compute(
        session,
        (k, n) -> {
          int current = n == null ? 0 : n;
          admitted[0] = current < maxPerSession;
          return admitted[0] ? current + 1 : n;
        });
    if (!admitted[0]) {
      total.decrementAndGet();
    }
    return admitted[0];
  }

  void exit(SessionKey session) {
    perSession.computeIfPresent(session, (k, n) -> n <= 1 ? null : n - 1);
    total.decrementAndGet();
  }
}
