package dev.tokenrefresh.internal.jakarta.cluster;

import com.hazelcast.core.HazelcastInstance;
import dev.tokenrefresh.internal.core.cluster.ClusterGrid;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds Payara's own Hazelcast instance through JNDI. Loaded only when Hazelcast's API is on the
 * class path (see {@link ClusterSelection}). Thread-safe (stateless).
 */
final class PayaraHazelcast {

  /** Where Payara binds its instance (the default of {@code set-hazelcast-configuration}). */
  static final String JNDI_NAME = "payara/Hazelcast";

  private PayaraHazelcast() {}

  /** The grid on Payara's running instance, or empty when none is bound or it is not running. */
  static Optional<ClusterGrid> lookup() {
    Object found;
    try {
      found = new InitialContext().lookup(JNDI_NAME);
    } catch (NamingException | RuntimeException e) {
      return Optional.empty();
    }
    if (found instanceof HazelcastInstance hz && hz.getLifecycleService().isRunning()) {
      return Optional.of(new HazelcastGrid(hz));
    }
    return Optional.empty();
  }
}
