package dev.tokenrefresh.it.cluster;

import dev.tokenrefresh.it.support.TestDeployment;
import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * The two WARs of the cluster test, both the container tests' deployment ({@link TestDeployment})
 * marked {@code <distributable/>}, written to files for the servers to deploy: {@link #GRID}
 * refreshes once per cluster ({@code token-refresh.cluster} naming the server's grid adapter, with
 * a key made for this run), {@link #LOCAL} once per node ({@code cluster=local}, the negative
 * control, without metrics: a node's metrics are the grid deployment's). Both run on the same
 * nodes.
 */
final class ClusterWars {

  /** The context of the cluster-wide deployment. */
  static final String GRID = "cluster-grid";

  /** The context of the per-node deployment: today's behaviour, the negative control. */
  static final String LOCAL = "cluster-local";

  /** Short, so that the stale-copy scenarios run beyond it in seconds. */
  static final Duration ROTATION_GRACE = Duration.ofSeconds(2);

  /** A leader's lease on the grid: a takeover after a kill comes within it. */
  static final Duration LEASE = Duration.ofSeconds(3);

  /**
   * Bound of one refresh, waiters included: long enough for a takeover after a kill (the membership
   * event, then a second call); connect plus read timeouts stay below it.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(12);

  /**
   * The provider's answer may take longer than one lease (the slow provider of the burst scenario,
   * which waits for the leader's renewals); the connect timeout (1 s) plus this stay below {@link
   * #TIMEOUT}.
   */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(9);

  private ClusterWars() {}

  /**
   * Writes both WARs into {@code dir}; returns them in the order {@link #GRID}, {@link #LOCAL}.
   *
   * @param adapter the value of {@code token-refresh.cluster} for {@link #GRID}
   * @param serverKeys keys both deployments need on the server (its executors, ...)
   */
  static File[] export(Path dir, String adapter, Map<String, String> serverKeys) {
    Map<String, String> local = new LinkedHashMap<>(serverKeys);
    local.put("token-refresh.cluster", "local");
    // Payara 6 exports the application metrics of two deployments without telling them apart
    // (no application label, each sample twice): only the grid deployment records metrics.
    local.put("token-refresh.metrics", "none");
    Map<String, String> grid = new LinkedHashMap<>(serverKeys);
    grid.putAll(gridKeys(adapter));
    // Infinispan (WildFly): the deployment declares the cache it uses, so that WildFly starts it
    String gridWebXml =
        "infinispan".equals(adapter) ? "war/infinispan-web.xml" : "war/distributable-web.xml";
    return new File[] {
      war(dir, GRID, grid, gridWebXml), war(dir, LOCAL, local, "war/distributable-web.xml")
    };
  }

  private static Map<String, String> gridKeys(String adapter) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("token-refresh.cluster", adapter);
    // made per run, never committed: a real key comes from an environment variable
    keys.put("token-refresh.cluster.key", randomKey());
    keys.put("token-refresh.cluster.lease", LEASE.toMillis() + "ms");
    return keys;
  }

  private static File war(Path dir, String context, Map<String, String> keys, String webXml) {
    Map<String, String> config = new LinkedHashMap<>(keys);
    config.put("token-refresh.rotation-grace", ROTATION_GRACE.toMillis() + "ms");
    config.put("token-refresh.timeout", TIMEOUT.toMillis() + "ms");
    config.put("token-refresh.oidc.read-timeout", READ_TIMEOUT.toMillis() + "ms");
    File war = dir.resolve(context + ".war").toFile();
    TestDeployment.create(context + ".war", config)
        .setWebXML(webXml)
        // WildFly: the Infinispan adapter's module dependencies (Payara ignores the file)
        .addAsWebInfResource("war/jboss-deployment-structure.xml", "jboss-deployment-structure.xml")
        .as(ZipExporter.class)
        .exportTo(war, true);
    return war;
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
