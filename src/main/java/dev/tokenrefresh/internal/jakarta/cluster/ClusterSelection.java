package dev.tokenrefresh.internal.jakarta.cluster;

import dev.tokenrefresh.core.config.ConfigKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.cluster.ClusterFlights;
import dev.tokenrefresh.internal.core.cluster.ClusterGrid;
import dev.tokenrefresh.internal.core.cluster.ClusterKeys;
import dev.tokenrefresh.internal.core.cluster.ClusterSettings;
import dev.tokenrefresh.internal.core.cluster.FlightGate;
import dev.tokenrefresh.internal.core.cluster.FlightLedger;
import dev.tokenrefresh.internal.core.cluster.SealedCodec;
import dev.tokenrefresh.internal.jakarta.OptionalApi;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Chooses how flight leaders are gated ({@code token-refresh.cluster}: {@code auto}, {@code local},
 * {@code hazelcast}, {@code infinispan}). {@code auto} refreshes cluster-wide when the server's own
 * grid is reachable (Payara's Hazelcast instance, or on WildFly the Infinispan cache named by
 * {@code token-refresh.cluster.cache}) and {@code token-refresh.cluster.key} is set; with a grid
 * but no key it stays local and says which key turns it on. {@code hazelcast} or {@code infinispan}
 * without the key or the grid fails the deployment. Each adapter is loaded only after its API was
 * found on the class path, so a server without it never sees its types. Thread-safe (stateless).
 */
public final class ClusterSelection {

  /** The configuration key of the mode. */
  public static final String MODE = ConfigKey.CLUSTER.key();

  /** The configuration key of the Infinispan cache's JNDI name. */
  public static final String CACHE = ConfigKey.CLUSTER_CACHE.key();

  static final String HAZELCAST_API = "com.hazelcast.core.HazelcastInstance";
  static final String INFINISPAN_API = "org.infinispan.Cache";

  private static final Logger LOG = Logger.getLogger(ClusterSelection.class.getName());

  private ClusterSelection() {}

  /**
   * The gate for this deployment.
   *
   * @param cluster the validated {@code token-refresh.cluster.*} thresholds
   * @param usable whether tokens need no refresh now (the filter's own test)
   * @throws IllegalArgumentException naming the key, when the mode is unknown, a key is malformed,
   *     or {@code hazelcast} cannot be honoured
   */
  public static FlightGate select(
      ConfigReader c,
      ClusterSettings cluster,
      RefreshSettings core,
      CoordinatorPorts ports,
      Predicate<TokenSet> usable) {
    String mode = c.text(MODE).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("auto");
    Optional<String> key = c.text(ClusterKeys.KEY);
    // A key that is set is checked whatever the mode: a typo must not wait for the day it is used.
    Optional<ClusterKeys> keys =
        key.map(k -> ClusterKeys.parse(k, c.text(ClusterKeys.PREVIOUS_KEY)));
    String cache = c.text(CACHE).map(String::trim).orElse(WildFlyInfinispan.DEFAULT_CACHE);
    switch (mode) {
      case "local":
        return FlightGate.local();
      case "hazelcast":
        return gate(
            required(
                mode,
                keys,
                payaraHazelcast(),
                "no running Hazelcast instance is bound at JNDI " + PayaraHazelcast.JNDI_NAME),
            keys.get(),
            "Hazelcast",
            cluster,
            core,
            ports,
            usable);
      case "infinispan":
        return gate(
            required(
                mode,
                keys,
                infinispan(cache),
                "no running Infinispan cache is bound at JNDI "
                    + cache
                    + " ("
                    + CACHE
                    + "; wildfly-config/cluster.cli creates the default one; WildFly starts a cache"
                    + " only for a deployment that declares a resource-ref to it in web.xml, and the"
                    + " deployment needs the module org.infinispan.core)"),
            keys.get(),
            "Infinispan",
            cluster,
            core,
            ports,
            usable);
      case "auto":
        String engine = "Hazelcast";
        Optional<ClusterGrid> found = payaraHazelcast();
        if (found.isEmpty()) {
          engine = "Infinispan";
          found = infinispan(cache);
        }
        if (found.isEmpty()) {
          return FlightGate.local();
        }
        if (keys.isEmpty()) {
          found.get().close();
          LOG.info(
              "token-refresh-filter: the server's "
                  + engine
                  + " grid is present, but "
                  + ClusterKeys.KEY
                  + " is not set: refreshes are single per node, not per cluster; "
                  + KEY_HINT);
          return FlightGate.local();
        }
        return gate(found.get(), keys.get(), engine, cluster, core, ports, usable);
      default:
        throw new IllegalArgumentException(
            MODE
                + " must be auto, local, hazelcast or infinispan, was '"
                + c.text(MODE).orElse("")
                + "'");
    }
  }

  /** The grid a mode names, or the deployment fails saying what is missing. */
  private static ClusterGrid required(
      String mode, Optional<ClusterKeys> keys, Optional<ClusterGrid> grid, String missing) {
    if (keys.isEmpty()) {
      grid.ifPresent(ClusterGrid::close);
      throw new IllegalArgumentException(
          MODE + " is " + mode + ", but " + ClusterKeys.KEY + " is not set; " + KEY_HINT);
    }
    return grid.orElseThrow(
        () -> new IllegalArgumentException(MODE + " is " + mode + ", but " + missing));
  }

  private static final String KEY_HINT =
      "set it, the same on every node, to the base64 of 32 random bytes (openssl rand -base64 32)";

  private static FlightGate gate(
      ClusterGrid grid,
      ClusterKeys keys,
      String engine,
      ClusterSettings cluster,
      RefreshSettings core,
      CoordinatorPorts ports,
      Predicate<TokenSet> usable) {
    FlightLedger ledger = new FlightLedger(grid, new SealedCodec(keys));
    LOG.info(
        () ->
            "token-refresh-filter: refreshes are single cluster-wide ("
                + engine
                + " member "
                + grid.localMember()
                + ", lease "
                + cluster.lease()
                + ")");
    ExecutorService gridThreads = GridThreads.start();
    return new ClusterFlights(
        ledger, cluster, core, ports, gridThreads, usable, gridThreads::shutdownNow);
  }

  private static Optional<ClusterGrid> payaraHazelcast() {
    return OptionalApi.visible(HAZELCAST_API) ? PayaraHazelcast.lookup() : Optional.empty();
  }

  private static Optional<ClusterGrid> infinispan(String jndiName) {
    return OptionalApi.visible(INFINISPAN_API)
        ? WildFlyInfinispan.lookup(jndiName)
        : Optional.empty();
  }
}
