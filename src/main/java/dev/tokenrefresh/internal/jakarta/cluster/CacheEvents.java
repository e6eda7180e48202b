package dev.tokenrefresh.internal.jakarta.cluster;

import dev.tokenrefresh.internal.core.cluster.Registration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryExpiredEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryModifiedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryRemovedEvent;

/**
 * The one cache listener of a node, passing each committed change of a watched key on to its
 * watchers. Local, not clustered: in a replicated cache every member applies every write, so each
 * member's own listener sees it, and no filter or converter has to travel to other members. Runs
 * asynchronously ({@code sync = false}) on Infinispan's notification threads, never on the writing
 * thread; a write that only renews a lease (same value, new lifespan) is not passed on.
 * Thread-safe.
 */
@Listener(sync = false, observation = Listener.Observation.POST)
public final class CacheEvents {

  private static final Logger LOG = Logger.getLogger(CacheEvents.class.getName());

  private final Cache<String, String> cache;

  /** Key to its watchers; a key with no watcher left is removed. */
  private final Map<String, Set<Consumer<Optional<String>>>> watchers = new ConcurrentHashMap<>();

  private CacheEvents(Cache<String, String> cache) {
    this.cache = cache;
  }

  /** Registers the listener on {@code cache}; {@link #close()} removes it. */
  static CacheEvents register(Cache<String, String> cache) {
    CacheEvents events = new CacheEvents(cache);
    cache.addListener(events);
    return events;
  }

  /** The cache this listens to, through which the grid's maps read and write. */
  Cache<String, String> cache() {
    return cache;
  }

  /** Calls {@code onChange} with each new value of {@code key}, empty when it is gone. */
  Registration listen(String key, Consumer<Optional<String>> onChange) {
    // A wrapper of its own, so the same consumer registered twice is two registrations.
    Consumer<Optional<String>> watcher = onChange::accept;
    watchers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(watcher);
    return () ->
        watchers.computeIfPresent(
            key,
            (k, set) -> {
              set.remove(watcher);
              return set.isEmpty() ? null : set;
            });
  }

  /** Removes the listener from the cache. */
  void close() {
    watchers.clear();
    try {
      cache.removeListener(this);
    } catch (RuntimeException cacheGone) {
      // The cache stops with the server: nothing is left to remove.
    }
  }

  /** Watched keys now (tests and diagnostics). */
  int watchedKeys() {
    return watchers.size();
  }

  @CacheEntryCreated
  public void created(CacheEntryCreatedEvent<String, String> event) {
    fire(event.getKey(), Optional.ofNullable(event.getValue()));
  }

  @CacheEntryModified
  public void modified(CacheEntryModifiedEvent<String, String> event) {
    if (!event.isCreated() && Objects.equals(event.getOldValue(), event.getNewValue())) {
      return; // a renewed lease: nothing a watcher acts on changed
    }
    fire(event.getKey(), Optional.ofNullable(event.getNewValue()));
  }

  @CacheEntryRemoved
  public void removed(CacheEntryRemovedEvent<String, String> event) {
    fire(event.getKey(), Optional.empty());
  }

  @CacheEntryExpired
  public void expired(CacheEntryExpiredEvent<String, String> event) {
    fire(event.getKey(), Optional.empty());
  }

  private void fire(String key, Optional<String> value) {
    Set<Consumer<Optional<String>>> set = watchers.get(key);
    if (set == null) {
      return;
    }
    for (Consumer<Optional<String>> w : set) {
      try {
        w.accept(value);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "token-refresh-filter: a grid watcher failed", e);
      }
    }
  }
}
