package dev.tokenrefresh.internal.jakarta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.internal.core.cluster.ClusterGrid;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.container.entries.CacheEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Infinispan adapter against real embedded nodes (JGroups over TCP on 127.0.0.1), with the
 * cache {@code wildfly-config/cluster.cli} creates on WildFly, no server: the {@link
 * ClusterGridContract} (claim race, pushed outcome on the other node, takeover when the leader's
 * node leaves the view), lifespans on every entry, compare-and-extend, and no token in clear in the
 * cache.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InfinispanGridTest extends ClusterGridContract<Cache<String, String>> {

  private EmbeddedNodes nodes;

  @Override
  void startMembers() {
    nodes = new EmbeddedNodes(2);
  }

  @Override
  void stopMembers() {
    nodes.close();
  }

  @Override
  Cache<String, String> member(int i) {
    return nodes.cache(i);
  }

  @Override
  Cache<String, String> addMember() {
    return nodes.add();
  }

  @Override
  void dropAddedMember() {
    nodes.stop(2);
  }

  /** Well within the lease (6 s): the view change, not the lease's expiry, starts the takeover. */
  @Override
  Duration takeoverWithin() {
    return Duration.ofSeconds(5);
  }

  @Override
  ClusterGrid grid(Cache<String, String> member) {
    return new InfinispanGrid(member);
  }

  @Test
  void everyEntryWritten_hasALifespan_andHoldsNoTokenInClear() throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    RefreshCoordinator a = node(nodes.cache(0), idp);
    TokenSet old = Tokens.expired();
    TokenSet next =
        a.refresh(SessionKey.of("ttl"), old).toCompletableFuture().get(20, TimeUnit.SECONDS);

    Cache<String, String> other = nodes.cache(1);
    assertThat(other.keySet()).isNotEmpty();
    for (String key : other.keySet()) {
      CacheEntry<String, String> entry = other.getAdvancedCache().getCacheEntry(key);
      assertThat(entry.getLifespan()).as(key + " lifespan").isPositive();
      assertThat(key).doesNotContain(Tokens.SECRET_MARK);
      String raw =
          new String(Base64.getDecoder().decode(entry.getValue()), StandardCharsets.ISO_8859_1);
      for (String secret :
          List.of(
              old.refreshToken(), next.accessToken(), next.refreshToken(), Tokens.SECRET_MARK)) {
        assertThat(entry.getValue()).as(key).doesNotContain(secret);
        assertThat(raw).as(key + ", decoded").doesNotContain(secret);
      }
    }
  }

  @Test
  void extend_renewsOnlyTheExactValue_andTellsNoWatcher() throws Exception {
    InfinispanGrid grid = new InfinispanGrid(nodes.cache(0));
    InfinispanGrid otherNode = new InfinispanGrid(nodes.cache(1));
    try {
      String key = "extend-" + System.nanoTime();
      byte[] mine = {1, 2, 3};
      List<Optional<byte[]>> seen = new CopyOnWriteArrayList<>();
      CountDownLatch removed = new CountDownLatch(1);
      otherNode
          .flights()
          .listen(
              key,
              v -> {
                seen.add(v);
                if (v.isEmpty()) {
                  removed.countDown();
                }
              });
      assertThat(grid.flights().putIfAbsent(key, mine, Duration.ofSeconds(30))).isEmpty();

      assertThat(grid.flights().extend(key, new byte[] {9}, Duration.ofMinutes(5))).isFalse();
      assertThat(grid.flights().extend(key, mine.clone(), Duration.ofMinutes(5))).isTrue();
      assertThat(grid.flights().remove(key, mine.clone())).isTrue();
      assertThat(grid.flights().get(key)).isEmpty();

      assertThat(removed.await(5, TimeUnit.SECONDS)).as("the removal pushed").isTrue();
      assertThat(seen).as("added, then removed: the renewal is not an event").hasSize(2);
      assertThat(seen.get(0)).hasValueSatisfying(v -> assertThat(v).isEqualTo(mine));
      assertThat(seen.get(1)).isEmpty();
    } finally {
      grid.close();
      otherNode.close();
    }
  }

  @Test
  void memberIds_areTheNodesOfTheView() {
    InfinispanGrid a = new InfinispanGrid(nodes.cache(0));
    InfinispanGrid b = new InfinispanGrid(nodes.cache(1));
    try {
      assertThat(a.localMember()).isNotEqualTo(b.localMember());
      assertThat(a.isMember(b.localMember())).isTrue();
      assertThat(a.isMember("node-that-never-was")).isFalse();
    } finally {
      a.close();
      b.close();
    }
  }
}
