package dev.tokenrefresh.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.FailsafeProperty;
import dev.tokenrefresh.it.support.RefreshFamilies.Family;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link ClusterScenarios} on two WildFly 39 {@code standalone-ha} nodes clustered on 127.0.0.1 by
 * JGroups (tcp stack, TCPPING) through WildFly's own Infinispan ({@code
 * token-refresh.cluster=infinispan}, the cache of {@code wildfly-config/cluster.cli}), as {@link
 * WildFlyCluster} configures them. WildFly's session concurrency is relaxed (the session cache
 * without transactions): by default WildFly would block one session's requests on the other node
 * while the first node has the session, and the negative controls would not show the per-node
 * refresh the module prevents.
 */
@EnabledIfSystemProperty(named = "it.container", matches = "wildfly-cluster")
class WildFlyClusterIT extends ClusterScenarios {

  /**
   * The two nodes' port offsets (HTTP 11080/11180, management 12990/13090, JGroups 10600/10700);
   * {@code -Dit.wildfly.cluster.port-offsets=A,B} moves them.
   */
  static final String PORT_OFFSETS = "3000,3100";

  /**
   * How long a session write may take to reach the other node's reads: with the session cache
   * without transactions, node 1 once read no session right after node 0's login had answered (a CI
   * run on the loaded machine), so the preconditions wait for the write instead of racing it.
   */
  private static final Duration REPLICATION = Duration.ofSeconds(10);

  @Override
  protected String gridAdapter() {
    return "infinispan";
  }

  /**
   * WildFly serves no per-node stale copy by cookie (every request reads the session from the
   * cache), so the stale copy is made as a request on node 1 that read the session before node 0's
   * rotation writes it back after it, beyond the rotation grace: the old tokens saved into the
   * session on node 1 (WildFly's session writes are last-writer-wins with relaxed concurrency).
   */
  @Override
  protected Echo staleCopyAfterRotation(SessionOnNodes session, Family family) throws Exception {
    session.awaitStored(1, family.issued(), REPLICATION, "precondition: node 1 reads the login");
    assertThat(session.echo(0).status()).isEqualTo(200);
    assertThat(family.rotations()).isEqualTo(1);
    Thread.sleep(ClusterWars.ROTATION_GRACE.plusSeconds(1).toMillis()); // beyond the grace
    session.store(1, family.issued(), Duration.ofSeconds(-1));
    session.awaitStored(
        1, family.issued(), REPLICATION, "precondition: node 1 serves the stale write-back");
    Echo stale = session.echo(1);
    session.echo(1);
    return stale;
  }

  @Override
  protected ClusterNodes startNodes(List<File> wars, Path work) throws Exception {
    List<Integer> offsets =
        Arrays.stream(
                FailsafeProperty.or("it.wildfly.cluster.port-offsets", PORT_OFFSETS).split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    return WildFlyCluster.start(offsets, "NONE", wars, work);
  }
}
