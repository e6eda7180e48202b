package dev.tokenrefresh.internal.core.cluster;

import static dev.tokenrefresh.internal.core.cluster.LeaseRenewalTest.refresh;
import static dev.tokenrefresh.internal.core.cluster.LeaseRenewalTest.waitForFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.support.LogCapture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** A failing or hanging grid: a defined 503, bounded in time, one warning per outage. */
class GridFailureTest {

  @Test
  void gridFailing_refreshEndsAsClusterUnavailableWithoutACall_andWarnsOncePerOutage()
      throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    try (LogCapture log = LogCapture.of(ClusterFlights.class);
        ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      cluster.grid.failing = true;
      for (int i = 0; i < 3; i++) {
        assertClusterUnavailable(
            refresh(cluster.node(i % 2).coordinator(), SessionKey.of("s" + i), Tokens.expired()));
      }
      assertThat(log.messages(Level.WARNING)).hasSize(2); // once per node
      cluster.grid.failing = false;
      refresh(cluster.node(0).coordinator(), SessionKey.of("ok"), Tokens.expired()).get();
      cluster.grid.failing = true;
      assertClusterUnavailable(
          refresh(cluster.node(0).coordinator(), SessionKey.of("again"), Tokens.expired()));

      assertThat(log.messages(Level.WARNING)).hasSize(3);
      assertThat(idp.calls()).isEqualTo(1);
      assertThat(cluster.count("grid.failed")).isEqualTo(4);
      assertThat(cluster.count("rejected.cluster_unavailable")).isEqualTo(4);
    }
  }

  @Test
  void gridHanging_refreshEndsAtTheGridTimeout_andTheLeaseClaimedLateIsGivenUp() throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    ExecutorService gridThread = Executors.newSingleThreadExecutor();
    try (ClusterNodes cluster = new ClusterNodes().clustered(1, i -> idp, gridThread)) {
      cluster.grid.hang = new CountDownLatch(1);
      CompletableFuture<TokenSet> flight =
          refresh(cluster.node(0).coordinator(), SessionKey.of("hung"), Tokens.expired());

      cluster.time.advance(ClusterNodes.CLUSTER.gridTimeout());

      assertClusterUnavailable(flight);
      cluster.grid.hang.countDown();
      gridThread.submit(() -> {}).get(10, TimeUnit.SECONDS);
      assertThat(cluster.grid.size()).isZero();
      assertThat(idp.calls()).isZero();
    } finally {
      gridThread.shutdownNow();
    }
  }

  /**
   * The grid timeout bounds the first look and the claim: a follower whose watch registration is
   * slow (50 flights at once on one node's grid threads, under load) waits on within its follow
   * deadline and gets the leader's outcome, instead of a 503.
   */
  @Test
  void followerWatchSlowerThanTheGridTimeout_noGridFailure_andTheFollowerGetsTheOutcome()
      throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.gated();
    ExecutorService gridThreads = Executors.newFixedThreadPool(4);
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, i -> idp, gridThreads)) {
      SessionKey session = SessionKey.of("slow-watch");
      TokenSet old = Tokens.expired();
      CompletableFuture<TokenSet> leader = refresh(cluster.node(0).coordinator(), session, old);
      idp.awaitEntered(1);
      cluster.grid.listenEntered = new CountDownLatch(1);
      cluster.grid.hangListen = new CountDownLatch(1);
      CompletableFuture<TokenSet> follower = refresh(cluster.node(1).coordinator(), session, old);
      assertThat(cluster.grid.listenEntered.await(10, TimeUnit.SECONDS)).isTrue();

      cluster.time.advance(ClusterNodes.CLUSTER.gridTimeout().plusMillis(1));
      cluster.grid.hangListen.countDown();
      idp.open();

      assertThat(follower.get(10, TimeUnit.SECONDS)).isEqualTo(leader.get(10, TimeUnit.SECONDS));
      assertThat(idp.calls()).isEqualTo(1);
      assertThat(cluster.count("grid.failed")).isZero();
    } finally {
      gridThreads.shutdownNow();
    }
  }

  @Test
  void everyGridEntry_expiresWithinTheSessionTimeToLive() throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      refresh(cluster.node(0).coordinator(), SessionKey.of("ttl"), Tokens.expired()).get();
      assertThat(cluster.grid.size()).isEqualTo(2);

      cluster.time.advance(ClusterNodes.CLUSTER.sessionTtl().plus(Duration.ofSeconds(1)));

      assertThat(cluster.grid.size()).isZero();
    }
  }

  @Test
  void graceReplayOnTheSameNode_andAGateWithNoRefresh_makeNoGridCall() throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      assertThat(cluster.grid.calls()).isZero();
      SessionKey session = SessionKey.of("grace");
      TokenSet old = Tokens.expired();
      refresh(cluster.node(0).coordinator(), session, old).get();
      int after = cluster.grid.calls();

      refresh(cluster.node(0).coordinator(), session, old).get();

      assertThat(cluster.grid.calls()).isEqualTo(after);
    }
  }

  private static void assertClusterUnavailable(CompletableFuture<TokenSet> flight)
      throws Exception {
    assertThat(waitForFailure(flight))
        .isInstanceOfSatisfying(
            RefreshRejectedException.class,
            r -> assertThat(r.reason()).isEqualTo(RejectionReason.CLUSTER_UNAVAILABLE));
  }
}
