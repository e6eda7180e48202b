package dev.tokenrefresh.internal.core.flight;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coalesces concurrent work on one key into one flight, after Go's {@code singleflight} and
 * Caffeine's refresh: the first caller for a key becomes the leader and registers a future; every
 * caller that arrives while it is registered joins it. A completed flight unregisters itself with
 * {@code remove(key, flight)}, so a late finisher never evicts the flight that replaced it.
 *
 * <p>Thread-safe.
 *
 * @param <K> the key (a fingerprint, never a raw secret)
 * @param <V> the flight's result
 */
public final class SingleFlight<K, V> {

  /**
   * Written by {@link #join} (insert, by the leader) and by each flight's completion (remove, only
   * its own entry); read by every caller.
   */
  private final ConcurrentHashMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();

  /**
   * Joins the flight for {@code key}, or starts one.
   *
   * @return the flight and whether this caller leads it; the leader must complete it
   */
  public Join<V> join(K key) {
    while (true) {
      CompletableFuture<V> existing = flights.get(key);
      if (existing == null) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        existing = flights.putIfAbsent(key, mine);
        if (existing == null) {
          mine.whenComplete((value, failure) -> flights.remove(key, mine));
          return new Join<>(mine, true);
        }
      }
      if (!existing.isDone()) {
        return new Join<>(existing, false);
      }
      // Completed but not yet unregistered (its callbacks may still be running): a finished
      // flight is never joined, so that its result is not handed out past its moment.
      flights.remove(key, existing);
    }
  }

  /** Flights registered now. */
  public int size() {
    return flights.size();
  }

  /**
   * A caller's place in a flight.
   *
   * @param flight the shared future; callers must not complete or cancel it unless they lead
   * @param leader whether this caller registered the flight and must run it
   * @param <V> the flight's result
   */
  public record Join<V>(CompletableFuture<V> flight, boolean leader) {}
}
