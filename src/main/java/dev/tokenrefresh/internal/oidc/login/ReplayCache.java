package dev.tokenrefresh.internal.oidc.login;

import dev.tokenrefresh.internal.core.time.ExpiringTable;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;

/**
 * Remembers the {@code jti} of each accepted logout token for as long as a token of that age is
 * accepted at all, so that a replayed one is refused. Capped at {@code maxEntries}: when full after
 * dropping the expired ones, it refuses new tokens ({@link Use#FULL}) rather than grow or forget a
 * live id. Thread-safe.
 */
public final class ReplayCache {

  /** The outcome of presenting an id. */
  public enum Use {
    /** Never seen: now remembered. */
    FIRST,
    /** Seen within the retention: a replay. */
    REPLAYED,
    /** Not seen, but no room to remember it. */
    FULL
  }

  private final long retentionNanos;

  /** The ids seen within the retention; full, it purges the expired ones on every new id. */
  private final ExpiringTable<String, Boolean> seen;

  /**
   * @param retention how long an id is remembered (the accepted token age plus clock skew)
   * @param maxEntries the cap
   * @param ticker the time source
   */
  public ReplayCache(Duration retention, int maxEntries, Ticker ticker) {
    this.retentionNanos = retention.toNanos();
    this.seen = new ExpiringTable<>(maxEntries, ticker, () -> true);
  }

  /** Presents {@code id}; remembers it when it is new and there is room. */
  public Use use(String id) {
    if (seen.get(id) != null) {
      return Use.REPLAYED;
    }
    if (!seen.hasRoom()) {
      return Use.FULL;
    }
    // Another thread may have put it since the look above: only the first put is the first use.
    return seen.put(id, Boolean.TRUE, retentionNanos) != null ? Use.REPLAYED : Use.FIRST;
  }

  /** Drops the ids whose retention has passed. */
  public void cleanup() {
    seen.purgeExpired();
  }

  /** Remembered ids, for tests and gauges. */
  public int size() {
    return seen.size();
  }
}
