package dev.tokenrefresh.internal.core.cluster;

import static dev.tokenrefresh.internal.core.cluster.LeaseRenewalTest.refresh;
import static dev.tokenrefresh.internal.core.cluster.LeaseRenewalTest.waitForFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When the leading node leaves the cluster: takeover before the rotation, a dead grant after. */
class LeaderLossTest {

  private final RotatingIdp idp = new RotatingIdp();

  /** The provider as node 0 sees it in the takeover tests: it takes the call and never answers. */
  private final ScriptedEndpoint neverAnswers = ScriptedEndpoint.gated();

  /** The session and tokens of a refresh that node 0 leads. */
  private record LedFlight(SessionKey session, TokenSet tokens) {}

  @Test
  void leaderLostBeforeTheProviderAnswered_aFollowerTakesOverOnTheMemberEventAndRedeemsOnce()
      throws Exception {
    try (ClusterNodes cluster = leaderThatNeverHearsBack()) {
      LedFlight flight = startTheLeader(cluster, "orphaned");
      List<CompletableFuture<TokenSet>> followers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        followers.add(followOnNodeOne(cluster, flight));
      }
      assertThat(followers).noneMatch(CompletableFuture::isDone);

      cluster.grid.kill("node-0", true);

      List<TokenSet> results = new ArrayList<>();
      for (CompletableFuture<TokenSet> f : followers) {
        results.add(f.get(10, TimeUnit.SECONDS));
      }
      assertThat(new HashSet<>(results)).hasSize(1);
      assertThat(idp.redemptions()).isEqualTo(1);
      assertThat(idp.reuses()).isZero();
      assertThat(cluster.node(1).metrics().count("claim.taken_over")).isEqualTo(1);
      neverAnswers.open();
    }
  }

  @Test
  void negativeControl_withoutAMemberEvent_theFollowerWaitsForTheDeadLeadersLeaseToRunOut()
      throws Exception {
    try (ClusterNodes cluster = leaderThatNeverHearsBack()) {
      LedFlight flight = startTheLeader(cluster, "silent");
      CompletableFuture<TokenSet> follower = followOnNodeOne(cluster, flight);

      cluster.grid.kill("node-0", false);
      // The leader's lease was confirmed at send for the timeout plus one lease.
      cluster.time.advance(ClusterNodes.SETTINGS.timeout());
      assertThat(follower).isNotDone();
      assertThat(cluster.count("claim.taken_over")).isZero();
      assertThat(idp.calls()).isZero();

      // Once it ran out, the follower's once-a-lease look finds it gone and takes over.
      cluster.time.advance(ClusterNodes.CLUSTER.lease().multipliedBy(2));

      assertThat(follower.get(10, TimeUnit.SECONDS)).isNotNull();
      assertThat(cluster.count("claim.taken_over")).isEqualTo(1);
      assertThat(idp.redemptions()).isEqualTo(1);
    }
  }

  @Test
  void follower_whosePushWasLost_findsTheOutcomeWithinOneLease() throws Exception {
    ScriptedEndpoint gatedIdp = ScriptedEndpoint.gated();
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, gatedIdp)) {
      SessionKey session = SessionKey.of("lost-push");
      TokenSet tokens = dev.tokenrefresh.core.support.Tokens.expired();
      CompletableFuture<TokenSet> leader = refresh(cluster.node(0).coordinator(), session, tokens);
      gatedIdp.awaitEntered(1);
      CompletableFuture<TokenSet> follower =
          refresh(cluster.node(1).coordinator(), session, tokens);
      cluster.grid.dropEvents = true;
      gatedIdp.open();
      TokenSet fresh = leader.get(10, TimeUnit.SECONDS);
      assertThat(follower).isNotDone();

      cluster.time.advance(ClusterNodes.CLUSTER.lease());

      assertThat(follower.get(10, TimeUnit.SECONDS)).isEqualTo(fresh);
      assertThat(gatedIdp.calls()).isEqualTo(1);
    }
  }

  @Test
  void leaderLostAfterTheProviderRotated_followersGetADeadGrantAndRetriesMakeNoFurtherCall()
      throws Exception {
    ClusterNodes cluster = new ClusterNodes();
    CountDownLatch followerWaiting = new CountDownLatch(1);
    TokenEndpoint diesAfterRotation =
        current -> {
          await(followerWaiting);
          TokenSet rotated = idp.refresh(current);
          // The new tokens die with the node: it records nothing.
          cluster.grid.kill("node-0", true);
          return rotated;
        };
    try (cluster) {
      cluster.clustered(3, i -> i == 0 ? diesAfterRotation : idp, Runnable::run);
      SessionKey session = SessionKey.of("rotated-then-lost");
      TokenSet tokens = idp.login();
      refresh(cluster.node(0).coordinator(), session, tokens);
      CompletableFuture<TokenSet> follower =
          refresh(cluster.node(1).coordinator(), session, tokens);
      followerWaiting.countDown();

      assertThat(waitForFailure(follower)).isInstanceOf(GrantRevokedException.class);
      assertThat(idp.calls()).isEqualTo(2);
      assertThat(idp.reuses()).isEqualTo(1);

      // The session's requests that still hold the old tokens get the same answer, no new call.
      assertThat(waitForFailure(refresh(cluster.node(1).coordinator(), session, tokens)))
          .isInstanceOf(GrantRevokedException.class);
      assertThat(waitForFailure(refresh(cluster.node(2).coordinator(), session, tokens)))
          .isInstanceOf(GrantRevokedException.class);
      assertThat(idp.calls()).isEqualTo(2);
    }
  }

  /** Two nodes: node 0 calls {@link #neverAnswers}, node 1 the rotating provider. */
  private ClusterNodes leaderThatNeverHearsBack() {
    return new ClusterNodes().clustered(2, i -> i == 0 ? neverAnswers : idp, Runnable::run);
  }

  /**
   * Node 0 leads a refresh of a fresh login's tokens in {@code session}; returns once its provider
   * call has started.
   */
  private LedFlight startTheLeader(ClusterNodes cluster, String session)
      throws InterruptedException {
    LedFlight flight = new LedFlight(SessionKey.of(session), idp.login());
    refresh(cluster.node(0).coordinator(), flight.session(), flight.tokens());
    neverAnswers.awaitEntered(1);
    return flight;
  }

  /** A request on node 1 that holds the same tokens as the leader's. */
  private static CompletableFuture<TokenSet> followOnNodeOne(
      ClusterNodes cluster, LedFlight flight) {
    return refresh(cluster.node(1).coordinator(), flight.session(), flight.tokens());
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
