package dev.tokenrefresh.internal.core.cluster;

import static dev.tokenrefresh.core.config.ConfigKey.CLUSTER_GRID_TIMEOUT;
import static dev.tokenrefresh.core.config.ConfigKey.CLUSTER_LEASE;
import static dev.tokenrefresh.core.config.ConfigKey.CLUSTER_SESSION_TTL;

import dev.tokenrefresh.core.config.ConfigKey;
import java.time.Duration;

/**
 * The thresholds of cluster-wide refresh ({@code token-refresh.cluster.*}), validated once; each
 * message names the key, the value and the rule. Immutable and thread-safe.
 *
 * @param lease how long a leading node's claim lasts unless renewed (renewed every third of it)
 * @param gridTimeout how long a refresh waits for the grid's answer before it fails with {@code
 *     cluster_unavailable}
 * @param sessionTtl how long the grid keeps a session's current tokens after its last refresh
 */
public record ClusterSettings(Duration lease, Duration gridTimeout, Duration sessionTtl) {

  /** Validates every field. */
  public ClusterSettings {
    positive(CLUSTER_LEASE, lease);
    positive(CLUSTER_GRID_TIMEOUT, gridTimeout);
    positive(CLUSTER_SESSION_TTL, sessionTtl);
    if (gridTimeout.compareTo(lease) >= 0) {
      throw new IllegalArgumentException(
          CLUSTER_GRID_TIMEOUT
              + " must be shorter than "
              + CLUSTER_LEASE
              + " ("
              + lease
              + "), was "
              + gridTimeout);
    }
    if (sessionTtl.compareTo(lease) < 0) {
      throw new IllegalArgumentException(
          CLUSTER_SESSION_TTL
              + " must be >= "
              + CLUSTER_LEASE
              + " ("
              + lease
              + "), was "
              + sessionTtl);
    }
  }

  /** The defaults of {@link ConfigKey}, which README's "Cluster" table shows. */
  public static ClusterSettings defaults() {
    return new ClusterSettings(
        CLUSTER_LEASE.defaultDuration(),
        CLUSTER_GRID_TIMEOUT.defaultDuration(),
        CLUSTER_SESSION_TTL.defaultDuration());
  }

  /** How often a leading node renews its lease. */
  public Duration renewEvery() {
    return lease.dividedBy(3);
  }

  private static void positive(ConfigKey key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be a duration > 0, was " + value);
    }
  }
}
