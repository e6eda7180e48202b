package dev.tokenrefresh.internal.jakarta.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.tokenrefresh.internal.core.cluster.GridMap;
import dev.tokenrefresh.internal.core.cluster.ListenerHandles;
import dev.tokenrefresh.internal.core.cluster.Registration;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One grid map on a Hazelcast {@code IMap<String, byte[]>}. Thread-safe. */
final class HazelcastMap implements GridMap {

  private final IMap<String, byte[]> map;
  private final ListenerHandles<UUID> listeners;

  HazelcastMap(IMap<String, byte[]> map) {
    this.map = map;
    this.listeners = new ListenerHandles<>(map::removeEntryListener);
  }

  @Override
  public Optional<byte[]> putIfAbsent(String key, byte[] value, Duration ttl) {
    return Optional.ofNullable(map.putIfAbsent(key, value, millis(ttl), TimeUnit.MILLISECONDS));
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(map.get(key));
  }

  @Override
  public void set(String key, byte[] value, Duration ttl) {
    map.set(key, value, millis(ttl), TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean remove(String key, byte[] expected) {
    return map.remove(key, expected);
  }

  /**
   * Compares, then sets the time-to-live: {@code IMap} has no conditional one. Between the two
   * another node could replace the entry and be given this time-to-live; the lease it replaced was
   * this node's, gone already, so the extension only delays the newer entry's expiry.
   */
  @Override
  public boolean extend(String key, byte[] expected, Duration ttl) {
    byte[] now = map.get(key);
    return now != null
        && Arrays.equals(now, expected)
        && map.setTtl(key, millis(ttl), TimeUnit.MILLISECONDS);
  }

  @Override
  public Registration listen(String key, Consumer<Optional<byte[]>> onChange) {
    return listeners.track(map.addEntryListener(new Listener(onChange), key, true));
  }

  /** Removes the entry listeners still registered. */
  void close() {
    listeners.removeAll();
  }

  /** A time-to-live of at least one millisecond: 0 would mean "forever" to Hazelcast. */
  private static long millis(Duration ttl) {
    return Math.max(1, ttl.toMillis());
  }

  /** Passes every change of one key on; runs on Hazelcast's event threads. */
  private record Listener(Consumer<Optional<byte[]>> onChange)
      implements EntryAddedListener<String, byte[]>,
          EntryUpdatedListener<String, byte[]>,
          EntryRemovedListener<String, byte[]>,
          EntryExpiredListener<String, byte[]>,
          EntryEvictedListener<String, byte[]> {

    @Override
    public void entryAdded(EntryEvent<String, byte[]> event) {
      onChange.accept(Optional.ofNullable(event.getValue()));
    }

    @Override
    public void entryUpdated(EntryEvent<String, byte[]> event) {
      onChange.accept(Optional.ofNullable(event.getValue()));
    }

    @Override
    public void entryRemoved(EntryEvent<String, byte[]> event) {
      onChange.accept(Optional.empty());
    }

    @Override
    public void entryExpired(EntryEvent<String, byte[]> event) {
      onChange.accept(Optional.empty());
    }

    @Override
    public void entryEvicted(EntryEvent<String, byte[]> event) {
      onChange.accept(Optional.empty());
    }
  }
}
