package dev.tokenrefresh.internal.core.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One distributed map of the grid, in the few operations the flight ledger needs. Keys are
 * fingerprints in hex, values opaque sealed bytes: nothing a member must deserialize beyond {@code
 * byte[]}. Every write carries a time-to-live, so no entry outlives its use. Values are compared
 * byte for byte. Implementations must be thread-safe; a call may block on the network, and throws
 * an unchecked exception when the grid cannot answer.
 */
public interface GridMap {

  /**
   * Stores {@code value} unless the key holds one.
   *
   * @return empty when stored; else the value the key holds
   */
  Optional<byte[]> putIfAbsent(String key, byte[] value, Duration ttl);

  /** The value the key holds, if any (an expired entry holds none). */
  Optional<byte[]> get(String key);

  /** Stores {@code value}, replacing any. */
  void set(String key, byte[] value, Duration ttl);

  /**
   * Removes the entry if it still holds exactly {@code expected}.
   *
   * @return whether it was removed
   */
  boolean remove(String key, byte[] expected);

  /**
   * Gives the entry a new time-to-live, counted from now, if it still holds exactly {@code
   * expected}: a compare-and-extend, so that a node never lengthens an entry that replaced its own
   * (Infinispan: {@code replace(key, expected, expected, lifespan)}; Hazelcast, which has no
   * conditional time-to-live, compares and then calls {@code setTtl}).
   *
   * @return whether the entry held {@code expected} and was extended
   */
  boolean extend(String key, byte[] expected, Duration ttl);

  /**
   * Calls {@code onChange} with the new value each time the entry of {@code key} is added or
   * updated, and with empty when it is removed, expires or is evicted. Callbacks run on the grid's
   * event threads: they must not block.
   */
  Registration listen(String key, Consumer<Optional<byte[]>> onChange);
}
