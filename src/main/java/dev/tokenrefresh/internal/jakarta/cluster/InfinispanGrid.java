package dev.tokenrefresh.internal.jakarta.cluster;

import dev.tokenrefresh.internal.core.cluster.GridAdapter;
import dev.tokenrefresh.internal.core.cluster.ListenerHandles;
import dev.tokenrefresh.internal.core.cluster.Registration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.remoting.transport.Address;

/**
 * The grid port on one Infinispan cache (WildFly's own, a transactional replicated cache that
 * {@code wildfly-config/cluster.cli} creates): both maps share it under key prefixes of their own,
 * and the membership is the cache manager's JGroups view. A member lost (crashed, partitioned or
 * shut down) is told by a view-change listener, as soon as JGroups' failure detection suspects it,
 * not when its lease runs out. Thread-safe.
 */
public final class InfinispanGrid extends GridAdapter<InfinispanMap> {

  /** The key prefix of refresh flights. */
  static final String FLIGHTS = "flight/";

  /** The key prefix of sessions' current tokens. */
  static final String SESSIONS = "session/";

  private final CacheEvents events;
  private final ListenerHandles<ViewWatcher> viewWatchers =
      new ListenerHandles<>(w -> manager().removeListener(w));

  /**
   * The grid on {@code cache}, which stays the caller's (this never stops it). Every call goes
   * through the cache's storage media type, with no transcoding: a cache WildFly hands to a
   * deployment converts values to and from its {@code MarshalledValue} for listeners, which fails
   * for the plain strings this adapter stores (a {@code ClassCastException} in the notifier of the
   * other node); the strings need no conversion, and ProtoStream marshals them as they are.
   */
  public InfinispanGrid(Cache<String, String> cache) {
    this(CacheEvents.register(cache.getAdvancedCache().withStorageMediaType()));
  }

  private InfinispanGrid(CacheEvents events) {
    super(new InfinispanMap(events, FLIGHTS), new InfinispanMap(events, SESSIONS));
    this.events = events;
  }

  @Override
  public String localMember() {
    Address self = manager().getAddress();
    return self == null ? "local" : self.toString();
  }

  @Override
  public boolean isMember(String member) {
    List<Address> members = manager().getMembers();
    if (members == null) {
      return member.equals(localMember());
    }
    for (Address a : members) {
      if (a.toString().equals(member)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Registration onMemberLost(Consumer<String> onLost) {
    ViewWatcher watcher = new ViewWatcher(onLost);
    manager().addListener(watcher);
    return viewWatchers.track(watcher);
  }

  @Override
  public void close() {
    viewWatchers.removeAll();
    events.close();
  }

  /** The node's cache listener (tests). */
  CacheEvents events() {
    return events;
  }

  private EmbeddedCacheManager manager() {
    return events.cache().getCacheManager();
  }

  /** Tells the members that left with each new view; runs on Infinispan's notification threads. */
  @Listener(sync = false)
  public static final class ViewWatcher {

    private final Consumer<String> onLost;

    ViewWatcher(Consumer<String> onLost) {
      this.onLost = onLost;
    }

    @ViewChanged
    public void viewChanged(ViewChangedEvent event) {
      Set<Address> now = new HashSet<>(event.getNewMembers());
      for (Address old : event.getOldMembers()) {
        if (!now.contains(old)) {
          onLost.accept(old.toString());
        }
      }
    }
  }
}
