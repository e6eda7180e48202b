package dev.tokenrefresh.internal.oidc.login;

import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
  private final int maxEntries;
  private final Ticker ticker;

  /** id → when it may be forgotten (ticker nanos). */
  private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();

  /**
   * @param retention how long an id is remembered (the accepted token age plus clock skew)
   * @param maxEntries the cap
   * @param ticker the time source
   */
  public ReplayCache(Duration retention, int maxEntries, Ticker ticker) {
    this.retentionNanos = retention.toNanos();
    this.maxEntries = maxEntries;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /** Presents {@code id}; remembers it when it is new and there is room. */
  public Use use(String id) {
    long now = ticker.read();
    Long until = seen.get(id);
    if (until != null && until - now > 0) {
      return Use.REPLAYED;
    }
    if (seen.size() >= maxEntries) {
      cleanup();
      if (seen.size() >= maxEntries) {
        return Use.FULL;
      }
    }
    Long previous = seen.put(id, now + retentionNanos);
    return previous != null && previous - now > 0 ? Use.REPLAYED : Use.FIRST;
  }

  /** Drops the ids whose retention has passed. */
  public void cleanup() {
    long now = ticker.read();
    seen.values().removeIf(until -> until - now <= 0);
  }

  /** Remembered ids, for tests and gauges. */
  public int size() {
    return seen.size();
  }
}
