package dev.tokenrefresh.internal.jakarta.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.transaction.LockingMode;
import org.infinispan.transaction.TransactionMode;
import org.infinispan.transaction.lookup.EmbeddedTransactionManagerLookup;

/**
 * Infinispan nodes in the test JVM, clustered by JGroups over TCP on 127.0.0.1 only ({@code
 * infinispan-test-jgroups.xml}: TCPPING, no multicast), under a cluster name of their own, each
 * with the cache {@code wildfly-config/cluster.cli} creates on WildFly: replicated, synchronous,
 * transactional with pessimistic locking. Close it to stop every node.
 */
final class EmbeddedNodes implements AutoCloseable {

  static final String CACHE = "token-refresh";

  private final String clusterName = "token-refresh-test-" + UUID.randomUUID();
  private final List<EmbeddedCacheManager> nodes = new ArrayList<>();

  EmbeddedNodes(int count) {
    for (int i = 0; i < count; i++) {
      add();
    }
  }

  /** Starts one more node of the same cluster; returns its cache once it joined. */
  Cache<String, String> add() {
    GlobalConfigurationBuilder g = GlobalConfigurationBuilder.defaultClusteredBuilder();
    g.transport()
        .clusterName(clusterName)
        .nodeName("node-" + nodes.size())
        .addProperty("configurationFile", "infinispan-test-jgroups.xml");
    g.jmx().disable();
    DefaultCacheManager manager = new DefaultCacheManager(g.build(), false);
    manager.defineConfiguration(CACHE, cacheConfiguration());
    manager.start();
    nodes.add(manager);
    Cache<String, String> cache = manager.getCache(CACHE);
    return cache;
  }

  /** The configuration wildfly-config/cluster.cli gives the cache on WildFly. */
  static Configuration cacheConfiguration() {
    ConfigurationBuilder c = new ConfigurationBuilder();
    c.clustering().cacheMode(CacheMode.REPL_SYNC).remoteTimeout(5, TimeUnit.SECONDS);
    c.transaction()
        .transactionMode(TransactionMode.TRANSACTIONAL)
        .lockingMode(LockingMode.PESSIMISTIC)
        .transactionManagerLookup(new EmbeddedTransactionManagerLookup());
    c.locking().lockAcquisitionTimeout(2, TimeUnit.SECONDS);
    c.expiration().wakeUpInterval(500, TimeUnit.MILLISECONDS);
    return c.build();
  }

  Cache<String, String> cache(int i) {
    return nodes.get(i).getCache(CACHE);
  }

  /** Stops node {@code i}: it leaves the view. */
  void stop(int i) {
    nodes.get(i).stop();
  }

  @Override
  public void close() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).stop();
    }
  }
}
