package dev.tokenrefresh.internal.core.time;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A concurrent table whose entries expire on the ticker, capped at {@code maxEntries}: what
 * rotation grace and the logout replay cache both keep. An entry is live until its deadline and
 * expired from it on; a lookup never returns an expired one. At the cap, {@link #hasRoom()} purges
 * the expired entries, when {@code mayPurgeAtCap} agrees, before it says there is none, so that a
 * full table neither grows nor (with a gate such as {@link IntervalGate}) is scanned on every new
 * entry. Thread-safe.
 *
 * @param <K> the key
 * @param <V> what is remembered for the key
 */
public final class ExpiringTable<K, V> {

  private final int maxEntries;
  private final Ticker ticker;
  private final BooleanSupplier mayPurgeAtCap;
  private final AtomicLong purges = new AtomicLong();
  private final ConcurrentHashMap<K, Stamped<V>> entries = new ConcurrentHashMap<>();

  /**
   * @param maxEntries the cap
   * @param ticker the time source of the deadlines
   * @param mayPurgeAtCap asked, at the cap, whether expired entries may be purged now
   */
  public ExpiringTable(int maxEntries, Ticker ticker, BooleanSupplier mayPurgeAtCap) {
    this.maxEntries = maxEntries;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.mayPurgeAtCap = Objects.requireNonNull(mayPurgeAtCap, "mayPurgeAtCap");
  }

  /** What is remembered for {@code key}, or {@code null} when nothing is or it has expired. */
  public V get(K key) {
    return liveValue(entries.get(key), ticker.read());
  }

  /** Whether {@code key} has an entry, live or expired (an expired one is replaced in place). */
  public boolean containsKey(K key) {
    return entries.containsKey(key);
  }

  /**
   * Whether a new key fits under the cap; when the table is full, first purges the expired entries
   * if {@code mayPurgeAtCap} lets it.
   */
  public boolean hasRoom() {
    if (entries.size() < maxEntries) {
      return true;
    }
    if (mayPurgeAtCap.getAsBoolean()) {
      purgeExpired();
    }
    return entries.size() < maxEntries;
  }

  /**
   * Remembers {@code value} for {@code key} until {@code keepNanos} from now, whether or not there
   * is room (ask {@link #hasRoom()} first).
   *
   * @return the live value it replaced, or {@code null}
   */
  public V put(K key, V value, long keepNanos) {
    long now = ticker.read();
    return liveValue(entries.put(key, new Stamped<>(value, now + keepNanos)), now);
  }

  /**
   * From now on keeps {@code key}'s entry at most {@code keepNanos}, if {@code which} accepts it.
   */
  public void shorten(K key, long keepNanos, Predicate<V> which) {
    long deadline = ticker.read() + keepNanos;
    entries.computeIfPresent(
        key,
        (k, e) ->
            which.test(e.value()) && e.expiresAt() - deadline > 0
                ? new Stamped<>(e.value(), deadline)
                : e);
  }

  /** Removes {@code key}'s entry if {@code which} accepts its value. */
  public void remove(K key, Predicate<V> which) {
    entries.computeIfPresent(key, (k, e) -> which.test(e.value()) ? null : e);
  }

  /** Removes every entry whose value {@code which} accepts. */
  public void removeIf(Predicate<V> which) {
    entries.values().removeIf(e -> which.test(e.value()));
  }

  /** Removes the expired entries. */
  public void purgeExpired() {
    purges.incrementAndGet();
    long now = ticker.read();
    entries.values().removeIf(e -> e.isExpired(now));
  }

  /** How many entries there are now, expired ones not yet purged included. */
  public int size() {
    return entries.size();
  }

  /** How many purges ran so far, at the cap or asked for: for diagnostics and tests. */
  public long purges() {
    return purges.get();
  }

  private static <V> V liveValue(Stamped<V> entry, long now) {
    return entry == null || entry.isExpired(now) ? null : entry.value();
  }

  /** A value and its deadline in ticker nanos. */
  private record Stamped<V>(V value, long expiresAt) {
    boolean isExpired(long now) {
      return now - expiresAt >= 0;
    }
  }
}
