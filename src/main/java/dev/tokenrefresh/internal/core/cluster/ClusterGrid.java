package dev.tokenrefresh.internal.core.cluster;

import java.util.function.Consumer;

/**
 * The port to the data grid the nodes of a cluster share: two maps and the membership. The
 * Hazelcast adapter implements it with Payara's own instance; unit tests with an in-memory grid and
 * a fake clock. Implementations must be thread-safe.
 */
public interface ClusterGrid extends AutoCloseable {

  /** Refresh flights by refresh-token fingerprint: leases and their outcomes. */
  GridMap flights();

  /** The current tokens of each session, by session-key fingerprint. */
  GridMap sessions();

  /** This node's member id. */
  String localMember();

  /** Whether {@code member} is in the cluster now. */
  boolean isMember(String member);

  /**
   * Calls {@code onLost} with a member's id when it leaves the cluster (crashed, partitioned or
   * shut down). Runs on the grid's event threads: it must not block.
   */
  Registration onMemberLost(Consumer<String> onLost);

  /** Removes every listener this node registered; the grid itself stays up. */
  @Override
  void close();
}
