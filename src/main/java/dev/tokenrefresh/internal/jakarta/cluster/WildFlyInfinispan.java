package dev.tokenrefresh.internal.jakarta.cluster;

import dev.tokenrefresh.core.config.ConfigKey;
import dev.tokenrefresh.internal.core.cluster.ClusterGrid;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.infinispan.Cache;

/**
 * Finds the Infinispan cache of the cluster through JNDI (WildFly binds each cache at {@code
 * java:jboss/infinispan/cache/<container>/<cache>}). WildFly starts a cache on demand only: the
 * binding exists once a deployment depends on it, which a {@code <resource-ref>} with that {@code
 * <lookup-name>} in {@code web.xml} does (a plain lookup does not start it). Loaded only when
 * Infinispan's API is on the class path (see {@link ClusterSelection}). Thread-safe (stateless).
 */
final class WildFlyInfinispan {

  /** The cache {@code wildfly-config/cluster.cli} creates. */
  static final String DEFAULT_CACHE = ConfigKey.CLUSTER_CACHE.defaultValue().orElseThrow();

  private WildFlyInfinispan() {}

  /** The grid on the cache bound at {@code jndiName}, or empty when none is bound or runs. */
  static Optional<ClusterGrid> lookup(String jndiName) {
    Object found;
    try {
      found = new InitialContext().lookup(jndiName);
    } catch (NamingException | RuntimeException e) {
      return Optional.empty();
    }
    if (found instanceof Cache<?, ?> cache && cache.getStatus().allowInvocations()) {
      @SuppressWarnings("unchecked") // a cache of this library's own: String keys and values
      Cache<String, String> strings = (Cache<String, String>) cache;
      return Optional.of(new InfinispanGrid(strings));
    }
    return Optional.empty();
  }
}
