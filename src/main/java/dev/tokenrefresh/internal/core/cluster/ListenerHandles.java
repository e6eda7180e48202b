package dev.tokenrefresh.internal.core.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The listeners a grid adapter added to its grid library (Hazelcast's listener ids, Infinispan's
 * listener objects), each removed at most once: by the {@link Registration} that {@link #track}
 * returned, or by {@link #removeAll} when the adapter closes. A removal the library refuses with an
 * unchecked exception (it is shutting down with the server) is ignored: nothing is left to remove.
 * Thread-safe.
 *
 * @param <H> the handle the library removes a listener by; compared by {@code equals}
 */
public final class ListenerHandles<H> {

  private final Set<H> live = ConcurrentHashMap.newKeySet();
  private final Consumer<H> remove;

  /**
   * @param remove removes one listener from the library
   */
  public ListenerHandles(Consumer<H> remove) {
    this.remove = remove;
  }

  /** Keeps {@code handle} of a listener just added; the registration removes it. */
  public Registration track(H handle) {
    live.add(handle);
    return () -> removeOnce(handle);
  }

  /** Removes every listener still tracked. */
  public void removeAll() {
    for (H handle : live) {
      removeOnce(handle);
    }
  }

  private void removeOnce(H handle) {
    if (live.remove(handle)) {
      try {
        remove.accept(handle);
      } catch (RuntimeException libraryGone) {
        // The grid library stops with the server: nothing is left to remove.
      }
    }
  }
}
