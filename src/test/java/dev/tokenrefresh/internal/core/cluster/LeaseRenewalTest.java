package dev.tokenrefresh.internal.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A leader keeps its lease for as long as its provider call runs, and never sends without one. */
class LeaseRenewalTest {

  private static final Duration LEASE = ClusterNodes.CLUSTER.lease();

  @Test
  void slowProvider_answeringAfterFourLeases_leaderRenewsAndStaysTheOnlyCaller() throws Exception {
    RotatingIdp idp = new RotatingIdp().gated();
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      SessionKey session = SessionKey.of("slow");
      TokenSet tokens = idp.login();
      CompletableFuture<TokenSet> leader = refresh(cluster.node(0).coordinator(), session, tokens);
      idp.awaitEntered();

      passLeases(cluster, 4);
      // A request arriving on the other node after four leases still follows the leader.
      CompletableFuture<TokenSet> late = refresh(cluster.node(1).coordinator(), session, tokens);
      idp.open();

      assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(late.get(10, TimeUnit.SECONDS));
      assertThat(idp.calls()).isEqualTo(1);
      assertThat(cluster.count("lease.renewed")).isGreaterThanOrEqualTo(8);
      assertThat(cluster.count("claim.taken_over")).isZero();
    }
  }

  @Test
  void negativeControl_leaseThatIsNeverExtended_lapsesDuringTheSlowCallAndASecondNodeCalls()
      throws Exception {
    RotatingIdp idp = new RotatingIdp().gated();
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      SessionKey session = SessionKey.of("unrenewed");
      TokenSet tokens = idp.login();
      // A lock that keeps its first time-to-live whatever the leader does (oauth2-proxy's 2 s).
      cluster.grid.ignoreSetTtl = true;
      CompletableFuture<TokenSet> leader = refresh(cluster.node(0).coordinator(), session, tokens);
      idp.awaitEntered();

      passLeases(cluster, 2);
      CompletableFuture<TokenSet> late = refresh(cluster.node(1).coordinator(), session, tokens);
      // The second node's call runs on the executor: open the gate only once it reached it, or
      // the leader's answer may land first and the late node follow it after all.
      idp.awaitEntered(2);
      idp.open();
      leader.handle((t, e) -> t).get(10, TimeUnit.SECONDS);
      late.handle((t, e) -> t).get(10, TimeUnit.SECONDS);

      assertThat(idp.calls()).isEqualTo(2);
      assertThat(idp.reuses()).isEqualTo(1);
    }
  }

  @Test
  void leader_whoseLeaseLapsedWhileItWaitedForACallSlot_neverSends() throws Exception {
    RotatingIdp idp = new RotatingIdp().gated();
    ClusterNodes cluster = new ClusterNodes();
    try (cluster) {
      cluster.clustered(1, idp);
      RefreshCoordinator node =
          new RefreshCoordinator(
              ClusterNodes.SETTINGS.toBuilder().maxConcurrent(1).build(),
              new dev.tokenrefresh.internal.core.CoordinatorPorts(
                  idp,
                  cluster.calls,
                  cluster.time,
                  cluster.time,
                  () -> 0.1,
                  cluster.node(0).metrics()),
              cluster.node(0).flights());
      CompletableFuture<TokenSet> first = refresh(node, SessionKey.of("a"), idp.login());
      idp.awaitEntered();
      TokenSet queuedTokens = idp.login();
      CompletableFuture<TokenSet> queued = refresh(node, SessionKey.of("b"), queuedTokens);
      cluster.grid.failSetTtl = true;

      cluster.time.advance(LEASE.plusSeconds(1));
      cluster.grid.failSetTtl = false;
      idp.open();
      first.get(10, TimeUnit.SECONDS);

      assertThat(waitForFailure(queued))
          .isInstanceOfSatisfying(
              RefreshRejectedException.class,
              r -> assertThat(r.reason()).isEqualTo(RejectionReason.CLUSTER_UNAVAILABLE));
      assertThat(idp.presentations(queuedTokens.refreshToken())).isZero();
      assertThat(cluster.count("lease.lost")).isEqualTo(1);
    }
  }

  private static void passLeases(ClusterNodes cluster, int leases) {
    for (int i = 0; i < leases * 3; i++) {
      cluster.time.advance(LEASE.dividedBy(3));
    }
  }

  static CompletableFuture<TokenSet> refresh(
      RefreshCoordinator node, SessionKey session, TokenSet tokens) {
    return node.refresh(session, tokens).toCompletableFuture();
  }

  static Throwable waitForFailure(CompletableFuture<TokenSet> f) throws Exception {
    try {
      f.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
