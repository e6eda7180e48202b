package dev.tokenrefresh.example.store;

import java.io.Serializable;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How many times one session's tokens were refreshed. A refresh counts once however many requests
 * report it (every request that waited for a refresh reports the same new tokens): a report counts
 * only when its tokens were issued after the newest ones counted so far. The count is an immutable
 * value in one {@link AtomicReference}, moved by compare-and-set. Thread-safe.
 */
final class RefreshTally implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The newest tokens counted so far and the count; replaced as a whole. */
  private record Count(Instant newestIssuedAt, int refreshes) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final AtomicReference<Count> count;

  /**
   * @param loginIssuedAt when the login's tokens were issued: refreshes are counted after it
   */
  RefreshTally(Instant loginIssuedAt) {
    count = new AtomicReference<>(new Count(loginIssuedAt, 0));
  }

  /** Counts the refresh that issued tokens at {@code issuedAt}, unless it is already counted. */
  void record(Instant issuedAt) {
    while (true) {
      Count seen = count.get();
      if (!issuedAt.isAfter(seen.newestIssuedAt())) {
        return;
      }
      if (count.compareAndSet(seen, new Count(issuedAt, seen.refreshes() + 1))) {
        return;
      }
    }
  }

  /** The refreshes counted since login. */
  int refreshes() {
    return count.get().refreshes();
  }

  @Override
  public String toString() {
    return "RefreshTally[" + refreshes() + "]";
  }
}
