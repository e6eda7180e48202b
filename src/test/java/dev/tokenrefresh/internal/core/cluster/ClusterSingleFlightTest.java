package dev.tokenrefresh.internal.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.support.Burst;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.util.HashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One provider call per refresh token across the nodes of a cluster, however many callers. */
class ClusterSingleFlightTest {

  private static final int NODES = 3;
  private static final int CALLERS = 150;

  /** The provider of the burst tests: it holds every call until the whole burst has a stage. */
  private final ScriptedEndpoint burstIdp = ScriptedEndpoint.gated();

  @Test
  void refresh_burstSpreadOverThreeNodes_makesOneProviderCallAndEveryCallerGetsTheNewTokens()
      throws Exception {
    try (ClusterNodes cluster = new ClusterNodes().clustered(NODES, burstIdp)) {
      Burst.Result result = burstSpreadOver(cluster);

      assertExactlyOneProviderCall(result);
      assertThat(cluster.count("claim.led")).isEqualTo(1);
      assertThat(cluster.count("claim.followed")).isEqualTo(NODES - 1);
      assertThat(cluster.nodes).allSatisfy(n -> assertThat(n.flights().followers()).isZero());
    }
  }

  @Test
  void negativeControl_localOnEveryNode_makesOneCallPerNodeAndIsCaughtByTheSameAssertion()
      throws Exception {
    try (ClusterNodes cluster = new ClusterNodes().local(NODES, burstIdp)) {
      Burst.Result result = burstSpreadOver(cluster);

      assertThat(burstIdp.calls()).isEqualTo(NODES);
      assertThatThrownBy(() -> assertExactlyOneProviderCall(result))
          .isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void refresh_afterTheFlightCompleted_anotherNodeAnswersFromTheRecordedOutcomeWithoutACall()
      throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      SessionKey session = SessionKey.of("late");
      TokenSet old = Tokens.expired();
      TokenSet fresh =
          cluster.node(0).coordinator().refresh(session, old).toCompletableFuture().get();

      TokenSet late =
          cluster.node(1).coordinator().refresh(session, old).toCompletableFuture().get();

      assertThat(late).isEqualTo(fresh);
      assertThat(idp.calls()).isEqualTo(1);
    }
  }

  @Test
  void refresh_ofAnotherSessionPresentingARedeemedToken_isADeadGrantNotACall() throws Exception {
    ScriptedEndpoint idp = ScriptedEndpoint.immediate();
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      TokenSet old = Tokens.expired();
      cluster
          .node(0)
          .coordinator()
          .refresh(SessionKey.of("owner"), old)
          .toCompletableFuture()
          .get();

      assertThatThrownBy(
              () ->
                  cluster
                      .node(1)
                      .coordinator()
                      .refresh(SessionKey.of("thief"), old)
                      .toCompletableFuture()
                      .get())
          .hasCauseInstanceOf(dev.tokenrefresh.core.error.GrantRevokedException.class);
      assertThat(idp.calls()).isEqualTo(1);
    }
  }

  @Test
  void providerFault_reachesTheWaitingFollowers_andTheNextRefreshCallsAgainAsOnOneNode()
      throws Exception {
    IdpFaultException down = IdpFaultException.of(FaultKind.SERVER_ERROR, "503");
    ScriptedEndpoint idp = ScriptedEndpoint.gated().thenThrow(down).thenThrow(down);
    try (ClusterNodes cluster = new ClusterNodes().clustered(2, idp)) {
      SessionKey session = SessionKey.of("faulted");
      TokenSet tokens = Tokens.expired();
      CompletableFuture<TokenSet> leader =
          cluster.node(0).coordinator().refresh(session, tokens).toCompletableFuture();
      idp.awaitEntered(1);
      CompletableFuture<TokenSet> follower =
          cluster.node(1).coordinator().refresh(session, tokens).toCompletableFuture();
      idp.open();

      assertThat(LeaseRenewalTest.waitForFailure(leader)).isSameAs(down);
      assertThat(LeaseRenewalTest.waitForFailure(follower))
          .isInstanceOfSatisfying(
              IdpFaultException.class, e -> assertThat(e.kind()).isEqualTo(FaultKind.SERVER_ERROR));
      assertThat(idp.calls()).isEqualTo(1);

      LeaseRenewalTest.waitForFailure(
          cluster.node(1).coordinator().refresh(session, tokens).toCompletableFuture());
      assertThat(idp.calls()).isEqualTo(2);
    }
  }

  /** {@value #CALLERS} callers of one session, each sent to the next node in turn. */
  private Burst.Result burstSpreadOver(ClusterNodes cluster) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    Burst.Refresher spread =
        (session, tokens) ->
            cluster
                .node(next.getAndIncrement() % cluster.nodes.size())
                .coordinator()
                .refresh(session, tokens);
    return Burst.run(CALLERS, spread, burstIdp, Tokens.expired());
  }

  private void assertExactlyOneProviderCall(Burst.Result result) {
    assertThat(burstIdp.calls()).as("provider calls").isEqualTo(1);
    assertThat(result.failures()).isEmpty();
    assertThat(result.tokens()).hasSize(CALLERS);
    assertThat(new HashSet<>(result.tokens())).as("distinct token sets").hasSize(1);
  }
}
