package dev.tokenrefresh.internal.jakarta.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hazelcast members in the test JVM, clustered over TCP on 127.0.0.1 only (no multicast, no
 * auto-detection, no phone-home), with a cluster name of their own, so that parallel builds never
 * join each other. Close it to terminate every member.
 */
final class EmbeddedMembers implements AutoCloseable {

  private static final int BASE_PORT = 5930;
  private static final int PORTS = 20;

  private final String clusterName = "token-refresh-test-" + UUID.randomUUID();
  private final List<HazelcastInstance> members = new ArrayList<>();

  EmbeddedMembers(int count) {
    for (int i = 0; i < count; i++) {
      members.add(Hazelcast.newHazelcastInstance(config()));
    }
  }

  /** Starts one more member of the same cluster. */
  HazelcastInstance add() {
    HazelcastInstance m = Hazelcast.newHazelcastInstance(config());
    members.add(m);
    return m;
  }

  HazelcastInstance member(int i) {
    return members.get(i);
  }

  private Config config() {
    Config c = new Config();
    c.setClusterName(clusterName);
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "none");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.getJetConfig().setEnabled(false);
    NetworkConfig n = c.getNetworkConfig();
    n.setPort(BASE_PORT).setPortAutoIncrement(true).setPortCount(PORTS);
    n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = n.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (int p = BASE_PORT; p < BASE_PORT + PORTS; p++) {
      join.getTcpIpConfig().addMember("127.0.0.1:" + p);
    }
    return c;
  }

  @Override
  public void close() {
    for (HazelcastInstance m : members) {
      m.getLifecycleService().terminate();
    }
  }
}
