package dev.tokenrefresh.core.cluster;

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

  private static final String P = "token-refresh.cluster.";

  /** Validates every field. */
  public ClusterSettings {
    positive("lease", lease);
    positive("grid-timeout", gridTimeout);
    positive("session-ttl", sessionTtl);
    if (gridTimeout.compareTo(lease) >= 0) {
      throw new IllegalArgumentException(
          P
              + "grid-timeout must be shorter than "
              + P
              + "lease ("
              + lease
              + "), was "
              + gridTimeout);
    }
    if (sessionTtl.compareTo(lease) < 0) {
      throw new IllegalArgumentException(
          P + "session-ttl must be >= " + P + "lease (" + lease + "), was " + sessionTtl);
    }
  }

  /** The documented defaults (README, "Cluster"). */
  public static ClusterSettings defaults() {
    return new ClusterSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofHours(12));
  }

  /** How often a leading node renews its lease. */
  public Duration renewEvery() {
    return lease.dividedBy(3);
  }

  private static void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(P + key + " must be a duration > 0, was " + value);
    }
  }
}
