package dev.tokenrefresh.jakarta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Hazelcast adapter against real embedded members (two, on 127.0.0.1), no server: the claim
 * race, the pushed outcome, takeover when the leader's member terminates, time-to-live on every
 * entry. Members start once for the class; the takeover test starts a third and terminates it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HazelcastGridTest {

  private static final RefreshSettings SETTINGS =
      RefreshSettings.builder().timeout(Duration.ofSeconds(10)).build();
  private static final ClusterSettings CLUSTER =
      new ClusterSettings(Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofMinutes(10));
  private static final byte[] KEY = new byte[32];

  private static EmbeddedMembers members;
  private static ExecutorService pool;
  private static ScheduledExecutorService timers;

  @BeforeAll
  static void start() {
    new SecureRandom().nextBytes(KEY);
    members = new EmbeddedMembers(2);
    pool = Executors.newCachedThreadPool();
    timers = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    timers.shutdownNow();
    members.close();
  }

  @Test
  void claim_racedFromTwoMembers_hasExactlyOneWinner() throws Exception {
    FlightLedger a = ledger(members.member(0));
    FlightLedger b = ledger(members.member(1));
    Fingerprint flight = Fingerprint.of("race-" + System.nanoTime());
    SessionKey session = SessionKey.of("race");
    List<Callable<FlightLedger.Claim>> claims = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      FlightLedger l = i % 2 == 0 ? a : b;
      claims.add(() -> l.claim(flight, session));
    }
    long winners = 0;
    for (Future<FlightLedger.Claim> f : pool.invokeAll(claims)) {
      if (f.get() instanceof FlightLedger.Led) {
        winners++;
      }
    }
    assertThat(winners).isEqualTo(1);
  }

  @Test
  void follower_onTheOtherMember_getsTheOutcomePushedWithoutACallOfItsOwn() throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.gated();
    RefreshCoordinator a = node(members.member(0), idp);
    RefreshCoordinator b = node(members.member(1), idp);
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
  void leaderMemberTerminated_beforeItsCallAnswered_theFollowerTakesOverAndCallsOnce()
      throws Exception {
    HazelcastInstance doomed = members.add();
    ScriptedEndpoint neverAnswers = ScriptedEndpoint.gated();
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    CountingMetrics metrics = new CountingMetrics();
    RefreshCoordinator leaderNode = node(doomed, neverAnswers);
    RefreshCoordinator followerNode = node(members.member(1), idp, metrics);
    SessionKey session = SessionKey.of("taken-over");
    TokenSet tokens = Tokens.expired();
    leaderNode.refresh(session, tokens);
    neverAnswers.awaitEntered(1);
    CompletableFuture<TokenSet> follower =
        followerNode.refresh(session, tokens).toCompletableFuture();
    assertThat(follower).isNotDone();

    doomed.getLifecycleService().terminate();

    assertThat(follower.get(30, TimeUnit.SECONDS)).isNotNull();
    assertThat(idp.calls()).isEqualTo(1);
    assertThat(metrics.count("claim.taken_over")).isEqualTo(1);
    neverAnswers.open();
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

  private static FlightLedger ledger(HazelcastInstance member) {
    return new FlightLedger(
        new HazelcastGrid(member), new SealedCodec(ClusterKeys.of(KEY, null)), CLUSTER.lease());
  }

  private static RefreshCoordinator node(HazelcastInstance member, TokenEndpoint endpoint) {
    return node(member, endpoint, new CountingMetrics());
  }

  private static RefreshCoordinator node(
      HazelcastInstance member, TokenEndpoint endpoint, CountingMetrics metrics) {
    Scheduler scheduler =
        (task, delay) -> {
          ScheduledFuture<?> f = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
          return () -> f.cancel(false);
        };
    CoordinatorPorts ports =
        new CoordinatorPorts(endpoint, pool, scheduler, Ticker.system(), () -> 0.1, metrics);
    ClusterFlights flights =
        new ClusterFlights(ledger(member), CLUSTER, SETTINGS, ports, pool, t -> true);
    return new RefreshCoordinator(SETTINGS, ports, flights);
  }
}
