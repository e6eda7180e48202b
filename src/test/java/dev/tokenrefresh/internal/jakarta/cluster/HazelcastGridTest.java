package dev.tokenrefresh.internal.jakarta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.internal.core.cluster.ClusterGrid;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Hazelcast adapter against real embedded members, no server: the {@link ClusterGridContract}
 * (claim race, pushed outcome, takeover when the leader's member terminates), and time-to-live on
 * every entry.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HazelcastGridTest extends ClusterGridContract<HazelcastInstance> {

  private EmbeddedMembers members;
  private HazelcastInstance added;

  @Override
  void startMembers() {
    members = new EmbeddedMembers(2);
  }

  @Override
  void stopMembers() {
    members.close();
  }

  @Override
  HazelcastInstance member(int i) {
    return members.member(i);
  }

  @Override
  HazelcastInstance addMember() {
    added = members.add();
    return added;
  }

  @Override
  void dropAddedMember() {
    added.getLifecycleService().terminate();
  }

  @Override
  Duration takeoverWithin() {
    return Duration.ofSeconds(30);
  }

  @Override
  ClusterGrid grid(HazelcastInstance member) {
    return new HazelcastGrid(member);
  }

  @Test
  void everyEntryWritten_hasATimeToLive() throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    RefreshCoordinator a = node(members.member(0), idp);
    a.refresh(SessionKey.of("ttl"), Tokens.expired())
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);

    for (String name : new String[] {HazelcastGrid.FLIGHTS, HazelcastGrid.SESSIONS}) {
      IMap<String, byte[]> map = members.member(1).getMap(name);
      assertThat(map.keySet()).isNotEmpty();
      for (String key : map.keySet()) {
        assertThat(map.getEntryView(key).getTtl()).as(name + " ttl").isPositive();
      }
    }
  }
}
