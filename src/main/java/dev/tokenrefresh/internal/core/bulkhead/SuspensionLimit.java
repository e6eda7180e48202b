package dev.tokenrefresh.internal.core.bulkhead;

import dev.tokenrefresh.core.token.SessionKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests suspended waiting for refreshes, in total and per session (one session has
 * one flight at a time), so that a flood costs bounded memory: beyond either bound a request is
 * answered at once. Thread-safe.
 */
public final class SuspensionLimit {

  private final int maxTotal;
  private final int maxPerSession;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<SessionKey, Integer> perSession = new ConcurrentHashMap<>();

  /**
   * @param maxTotal suspended requests in total
   * @param maxPerSession suspended requests of one session
   */
  public SuspensionLimit(int maxTotal, int maxPerSession) {
    this.maxTotal = maxTotal;
    this.maxPerSession = maxPerSession;
  }

  /** Takes a place for one suspended request of {@code session}, if both bounds allow it. */
  public boolean tryEnter(SessionKey session) {
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

  /** Gives back the place taken by {@link #tryEnter}. */
  public void exit(SessionKey session) {
    perSession.computeIfPresent(session, (k, n) -> n <= 1 ? null : n - 1);
    total.decrementAndGet();
  }

  /** Requests suspended now. */
  public int suspended() {
    return total.get();
  }
}
