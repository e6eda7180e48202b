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
 * marked {@code <distributable/>}, written to files for {@code --deploy}: {@link #GRID} refreshes
 * once per cluster ({@code token-refresh.cluster=hazelcast} with a key made for this run), {@link
 * #LOCAL} once per node ({@code cluster=local}, the negative control). Both run on the same nodes.
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

  private ClusterWars() {}

  /** Writes both WARs into {@code dir}; returns them in the order {@link #GRID}, {@link #LOCAL}. */
  static File[] export(Path dir) {
    return new File[] {
      export(dir, GRID, gridKeys()), export(dir, LOCAL, Map.of("token-refresh.cluster", "local"))
    };
  }

  private static Map<String, String> gridKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("token-refresh.cluster", "hazelcast");
    // made per run, never committed: a real key comes from an environment variable
    keys.put("token-refresh.cluster.key", randomKey());
    keys.put("token-refresh.cluster.lease", LEASE.toMillis() + "ms");
    return keys;
  }

  private static File export(Path dir, String context, Map<String, String> keys) {
    Map<String, String> config = new LinkedHashMap<>(keys);
    config.put("token-refresh.rotation-grace", ROTATION_GRACE.toMillis() + "ms");
    config.put("token-refresh.timeout", TIMEOUT.toMillis() + "ms");
    File war = dir.resolve(context + ".war").toFile();
    TestDeployment.create(context + ".war", config)
        .setWebXML("war/distributable-web.xml")
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
