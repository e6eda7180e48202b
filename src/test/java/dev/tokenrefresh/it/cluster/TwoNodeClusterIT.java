package dev.tokenrefresh.it.cluster;

import dev.tokenrefresh.it.support.FailsafeProperty;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link ClusterScenarios} on two Payara Micro 6 nodes clustered on 127.0.0.1 through Payara's own
 * Hazelcast ({@code token-refresh.cluster=hazelcast}), each with the module's dedicated executors
 * ({@code payara-config/post-boot-commands.asadmin}), as {@code payara-config/cluster-micro.sh}
 * runs them.
 */
@EnabledIfSystemProperty(named = "it.container", matches = "payara")
class TwoNodeClusterIT extends ClusterScenarios {

  /** The executors {@code payara-config/post-boot-commands.asadmin} creates on each node. */
  static final Map<String, String> EXECUTORS =
      Map.of(
          "token-refresh.executor", "concurrent/tokenRefresh",
          "token-refresh.scheduled-executor", "concurrent/tokenRefreshTimers");

  @Override
  protected String gridAdapter() {
    return "hazelcast";
  }

  @Override
  protected Map<String, String> serverKeys() {
    return EXECUTORS;
  }

  @Override
  protected ClusterNodes startNodes(List<File> wars, Path work) throws Exception {
    return MicroCluster.start(2, FailsafeProperty.required("it.cluster.name") + "-2n", wars, work);
  }
}
