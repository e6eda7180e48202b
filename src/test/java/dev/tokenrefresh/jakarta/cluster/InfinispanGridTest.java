package dev.tokenrefresh.jakarta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.CoordinatorPorts;
import dev.tokenrefresh.core.RefreshCoordinator;
import dev.tokenrefresh.core.RefreshSettings;
import dev.tokenrefresh.core.TokenEndpoint;
import dev.tokenrefresh.core.cluster.ClusterFlights;
import dev.tokenrefresh.core.cluster.ClusterKeys;
import dev.tokenrefresh.core.cluster.ClusterSettings;
import dev.tokenrefresh.core.cluster.FlightLedger;
import dev.tokenrefresh.core.cluster.SealedCodec;
import dev.tokenrefresh.core.support.CountingMetrics;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.time.Scheduler;
import dev.tokenrefresh.core.time.Ticker;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.container.entries.CacheEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Infinispan adapter against real embedded nodes (two, JGroups over TCP on 127.0.0.1), with the
 * cache {@code wildfly-config/cluster.cli} creates on WildFly, no server: the claim race, the
 * pushed outcome on the other node, takeover when the leader's node leaves the view, lifespans on
 * every entry, compare-and-extend, and no token in clear in the cache. Nodes start once for the
 * class; the takeover test starts a third and stops it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InfinispanGridTest {

  private static final RefreshSettings SETTINGS =
      RefreshSettings.builder().timeout(Duration.ofSeconds(10)).build();
  private static final ClusterSettings CLUSTER =
      new ClusterSettings(Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofMinutes(10));
  private static final byte[] KEY = new byte[32];

  private static EmbeddedNodes nodes;
  private static ExecutorService pool;
  private static ScheduledExecutorService timers;

  @BeforeAll
  static void start() {
    new SecureRandom().nextBytes(KEY);
    nodes = new EmbeddedNodes(2);
    pool = Executors.newCachedThreadPool();
    timers = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    timers.shutdownNow();
    nodes.close();
  }

  @Test
  void claim_racedFromTwoNodes_hasExactlyOneWinner() throws Exception {
    FlightLedger a = ledger(nodes.cache(0));
    FlightLedger b = ledger(nodes.cache(1));
    for (int round = 0; round < 5; round++) {
      Fingerprint flight = Fingerprint.of("race-" + round + "-" + System.nanoTime());
      SessionKey session = SessionKey.of("race");
      CountDownLatch go = new CountDownLatch(1);
      List<Callable<FlightLedger.Claim>> claims = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        FlightLedger l = i % 2 == 0 ? a : b;
        claims.add(
            () -> {
              go.await();
              return l.claim(flight, session);
            });
      }
      List<Future<FlightLedger.Claim>> results = new ArrayList<>();
      for (Callable<FlightLedger.Claim> c : claims) {
        results.add(pool.submit(c));
      }
      go.countDown();
      long winners = 0;
      for (Future<FlightLedger.Claim> f : results) {
        if (f.get() instanceof FlightLedger.Led) {
          winners++;
        }
      }
      assertThat(winners).as("round %d", round).isEqualTo(1);
    }
  }

  @Test
  void follower_onTheOtherNode_getsTheOutcomePushedWithoutACallOfItsOwn() throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.gated();
    RefreshCoordinator a = node(nodes.cache(0), idp);
    RefreshCoordinator b = node(nodes.cache(1), idp);
    SessionKey session = SessionKey.of("pushed");
    TokenSet tokens = Tokens.expired();

    CompletableFuture<TokenSet> leader = a.refresh(session, tokens).toCompletableFuture();
    idp.awaitEntered(1);
    CompletableFuture<TokenSet> follower = b.refresh(session, tokens).toCompletableFuture();
    idp.open();

    assertThat(follower.get(20, TimeUnit.SECONDS)).isEqualTo(leader.get(20, TimeUnit.SECONDS));
    assertThat(idp.calls()).isEqualTo(1);
  }

  @Test
  void leaderNodeLeaves_beforeItsCallAnswered_theFollowerTakesOverAndCallsOnce() throws Exception {
    Cache<String, String> doomed = nodes.add();
    ScriptedEndpoint neverAnswers = ScriptedEndpoint.gated();
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    CountingMetrics metrics = new CountingMetrics();
    RefreshCoordinator leaderNode = node(doomed, neverAnswers);
    RefreshCoordinator followerNode = node(nodes.cache(1), idp, metrics);
    SessionKey session = SessionKey.of("taken-over");
    TokenSet tokens = Tokens.expired();
    leaderNode.refresh(session, tokens);
    neverAnswers.awaitEntered(1);
    CompletableFuture<TokenSet> follower =
        followerNode.refresh(session, tokens).toCompletableFuture();
    assertThat(follower).isNotDone();

    nodes.stop(2);

    // well within the lease (6 s): the view change, not the lease's expiry, starts the takeover
    assertThat(follower.get(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(idp.calls()).isEqualTo(1);
    assertThat(metrics.count("claim.taken_over")).isEqualTo(1);
    neverAnswers.open();
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

  private static FlightLedger ledger(Cache<String, String> cache) {
    return new FlightLedger(
        new InfinispanGrid(cache), new SealedCodec(ClusterKeys.of(KEY, null)), CLUSTER.lease());
  }

  private static RefreshCoordinator node(Cache<String, String> cache, TokenEndpoint endpoint) {
    return node(cache, endpoint, new CountingMetrics());
  }

  private static RefreshCoordinator node(
      Cache<String, String> cache, TokenEndpoint endpoint, CountingMetrics metrics) {
    Scheduler scheduler =
        (task, delay) -> {
          ScheduledFuture<?> f = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
          return () -> f.cancel(false);
        };
    CoordinatorPorts ports =
        new CoordinatorPorts(endpoint, pool, scheduler, Ticker.system(), () -> 0.1, metrics);
    ClusterFlights flights =
        new ClusterFlights(ledger(cache), CLUSTER, SETTINGS, ports, pool, t -> true);
    return new RefreshCoordinator(SETTINGS, ports, flights);
  }
}
