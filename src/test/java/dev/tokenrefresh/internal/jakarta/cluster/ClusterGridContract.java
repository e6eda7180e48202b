package dev.tokenrefresh.internal.jakarta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.CountingMetrics;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import dev.tokenrefresh.internal.core.cluster.ClusterFlights;
import dev.tokenrefresh.internal.core.cluster.ClusterGrid;
import dev.tokenrefresh.internal.core.cluster.ClusterKeys;
import dev.tokenrefresh.internal.core.cluster.ClusterSettings;
import dev.tokenrefresh.internal.core.cluster.FlightLedger;
import dev.tokenrefresh.internal.core.cluster.SealedCodec;
import dev.tokenrefresh.internal.core.time.Scheduler;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every adapter of the {@link ClusterGrid} port must do, run against real embedded members of
 * its grid (two, on 127.0.0.1), no server: the claim race has one winner, the outcome is pushed to
 * the other member, and a follower takes over when the leader's member leaves. Members start once
 * for the class; the takeover test adds a third and drops it. A subclass gives the grid its members
 * and the tests its grid adds of its own.
 *
 * @param <M> the handle of one member (a Hazelcast instance, an Infinispan cache)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterGridContract<M> {

  static final RefreshSettings SETTINGS =
      RefreshSettings.builder().timeout(Duration.ofSeconds(10)).build();
  static final ClusterSettings CLUSTER =
      new ClusterSettings(Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofMinutes(10));

  private final byte[] key = new byte[32];
  private ExecutorService pool;
  private ScheduledExecutorService timers;

  /** Starts two members of the grid. */
  abstract void startMembers();

  /** Stops every member still up. */
  abstract void stopMembers();

  /** Member {@code i} (0 or 1) of those {@link #startMembers()} started. */
  abstract M member(int i);

  /** Starts a third member, for the takeover test to drop. */
  abstract M addMember();

  /** Drops the member {@link #addMember()} started, as a crash would. */
  abstract void dropAddedMember();

  /** How long the follower may take to take over once the leader's member is gone. */
  abstract Duration takeoverWithin();

  /** The adapter under test on {@code member}. */
  abstract ClusterGrid grid(M member);

  @BeforeAll
  void start() {
    new SecureRandom().nextBytes(key);
    startMembers();
    pool = Executors.newCachedThreadPool();
    timers = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  void stop() {
    pool.shutdownNow();
    timers.shutdownNow();
    stopMembers();
  }

  @Test
  void claim_racedFromTwoMembers_hasExactlyOneWinner() throws Exception {
    FlightLedger a = ledger(member(0));
    FlightLedger b = ledger(member(1));
    for (int round = 0; round < 5; round++) {
      Fingerprint flight = Fingerprint.of("race-" + round + "-" + System.nanoTime());
      SessionKey session = SessionKey.of("race");
      CountDownLatch go = new CountDownLatch(1);
      List<Future<FlightLedger.Claim>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        FlightLedger l = i % 2 == 0 ? a : b;
        Callable<FlightLedger.Claim> claim =
            () -> {
              go.await();
              return l.claim(flight, session, CLUSTER.lease());
            };
        results.add(pool.submit(claim));
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
  void follower_onTheOtherMember_getsTheOutcomePushedWithoutACallOfItsOwn() throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.gated();
    RefreshCoordinator a = node(member(0), idp);
    RefreshCoordinator b = node(member(1), idp);
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
  void leaderMemberLeaves_beforeItsCallAnswered_theFollowerTakesOverAndCallsOnce()
      throws Exception {
    M doomed = addMember();
    ScriptedEndpoint neverAnswers = ScriptedEndpoint.gated();
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    CountingMetrics metrics = new CountingMetrics();
    RefreshCoordinator leaderNode = node(doomed, neverAnswers);
    RefreshCoordinator followerNode = node(member(1), idp, metrics);
    SessionKey session = SessionKey.of("taken-over");
    TokenSet tokens = Tokens.expired();
    leaderNode.refresh(session, tokens);
    neverAnswers.awaitEntered(1);
    CompletableFuture<TokenSet> follower =
        followerNode.refresh(session, tokens).toCompletableFuture();
    assertThat(follower).isNotDone();

    dropAddedMember();

    assertThat(follower.get(takeoverWithin().toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
    assertThat(idp.calls()).isEqualTo(1);
    assertThat(metrics.count("claim.taken_over")).isEqualTo(1);
    neverAnswers.open();
  }

  /** A ledger over the adapter on {@code member}, sealing with this class's key. */
  final FlightLedger ledger(M member) {
    return new FlightLedger(grid(member), new SealedCodec(ClusterKeys.of(key, null)));
  }

  /** A clustered coordinator on {@code member}, calling {@code endpoint}. */
  final RefreshCoordinator node(M member, TokenEndpoint endpoint) {
    return node(member, endpoint, new CountingMetrics());
  }

  private RefreshCoordinator node(M member, TokenEndpoint endpoint, CountingMetrics metrics) {
    Scheduler scheduler =
        (task, delay) -> {
          ScheduledFuture<?> f = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
          return () -> f.cancel(false);
        };
    CoordinatorPorts ports =
        new CoordinatorPorts(endpoint, pool, scheduler, Ticker.system(), () -> 0.1, metrics);
    ClusterFlights flights =
        new ClusterFlights(ledger(member), CLUSTER, SETTINGS, ports, pool, t -> true, () -> {});
    return new RefreshCoordinator(SETTINGS, ports, flights);
  }
}
