package dev.tokenrefresh.example.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.example.demo.Browser;
import dev.tokenrefresh.example.demo.Burst;
import dev.tokenrefresh.example.demo.PrometheusText;
import dev.tokenrefresh.example.keycloak.UserSessions.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The example on two clustered Payara Micro nodes against Keycloak (rotation, no reuse: a second
 * use of a refresh token ends the session), without sticky sessions: each request of a session goes
 * to the other node, with the same cookies. Keycloak's own counts (admin events, client sessions)
 * are the proof, as in {@link KeycloakEndToEndIT}. The negative control is the same example
 * refreshing once per node ({@link LocalCoalescingWar}) on the same two nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakClusterIT {

  private static final int BURST = 200;
  private static final int MANY_USERS = 10;
  private static final int PER_USER = 20;
  private static final String IDP_CALLS = "token_refresh_idp_calls_total";

  private static KeycloakFixture fixture;
  private static KeycloakCluster cluster;
  private static UserSessions sessions;
  private static UserSessions controlSessions;
  private static List<Session> many;

  @BeforeAll
  static void start() throws Exception {
    fixture = KeycloakFixture.fromSystemProperties("cluster");
    cluster = KeycloakCluster.start(fixture);
    List<String> names = new ArrayList<>(List.of("cluster-burst-user"));
    names.addAll(KeycloakFixture.numbered("cluster-many-user-%02d", MANY_USERS));
    sessions = new UserSessions(fixture.admin(), cluster.app(0));
    sessions.createAndLogIn(names);
    controlSessions = new UserSessions(fixture.admin(), cluster.control(0));
    controlSessions.createAndLogIn(List.of("cluster-control-user"));
    many =
        KeycloakFixture.numbered("cluster-many-user-%02d", MANY_USERS).stream()
            .map(sessions::get)
            .toList();
  }

  @AfterAll
  static void stop() throws Exception {
    if (fixture != null) {
      fixture.publishThenClose("keycloak-cluster-results.md", cluster);
    }
  }

  @Test
  @Order(1)
  void sessionLoggedInOnNode0_isReadOnNode1() throws Exception {
    Session s = sessions.get("cluster-burst-user");
    Browser.Me onNode0 = s.browser().me(cluster.app(0));
    Browser.Me onNode1 = s.browser().me(cluster.app(1));

    assertThat(onNode1.status()).as("node 1 serves node 0's session: %s", onNode1).isEqualTo(200);
    assertThat(onNode1.sub()).isEqualTo(onNode0.sub());
  }

  @Test
  @Order(2)
  void burstAcrossNodes_200Requests_keycloakSeesOneRefresh_andTheSessionStaysAlive()
      throws Exception {
    Session s = sessions.get("cluster-burst-user");
    List<Double> callsBefore = idpCallsPerNode();

    ScenarioRun run =
        measure(
            "two nodes: burst",
            List.of(s),
            () -> alternating(BURST, (k, node) -> s.browser().me(cluster.app(node))));

    fixture.assertOneRefreshAndAlive(s, run);
    assertThat(idpCallsSince(callsBefore)).as("token-endpoint calls of both nodes").isEqualTo(1);
    for (int node = 0; node < cluster.size(); node++) {
      Browser.Me next = s.browser().me(cluster.app(node));
      assertThat(next.status()).as("node %d after the refresh", node).isEqualTo(200);
      assertThat(next.refreshes()).as("node %d: the session's refreshes", node).isEqualTo(1);
    }
  }

  @Test
  @Order(3)
  void manySessionsAcrossNodes_10Users20RequestsEach_oneRefreshPerSessionAtKeycloak()
      throws Exception {
    // request k: user (k / 2) % 10 on node k % 2, so each user's 20 requests alternate
    ScenarioRun run =
        measure(
            "two nodes: many sessions",
            many,
            () ->
                alternating(
                    MANY_USERS * PER_USER,
                    (k, node) -> many.get(k / 2 % MANY_USERS).browser().me(cluster.app(node))));

    fixture.assertOneRefreshPerSession(many, run);
  }

  @Test
  @Order(4)
  void negativeControl_perNodeCoalescing_theSameBurstRedeemsTwiceAndLogsTheUserOut()
      throws Exception {
    Session s = controlSessions.get("cluster-control-user");

    ScenarioRun run =
        measure(
            "two nodes: negative control (per node)",
            List.of(s),
            () -> alternating(BURST, (k, node) -> s.browser().me(cluster.control(node))));

    assertThatThrownBy(() -> fixture.assertOneRefreshAndAlive(s, run))
        .as("the assertion of the burst catches per-node coalescing")
        .isInstanceOf(AssertionError.class);
    assertThat(run.refreshes() + run.refusals())
        .as("Keycloak saw the refresh token from each node")
        .isGreaterThanOrEqualTo(2);
    assertThat(run.refusals()).as("a node's reuse refused").isPositive();
    // Keycloak removes the client session on a detected reuse (seen in some runs); two
    // redemptions at the same instant may instead be refused without it. Either way the node
    // whose call was refused ends the session for the user: its requests get 401.
    assertThat(run.burst().statuses()).as("answers by status").containsKey(401);
  }

  /** {@code n} requests at once, request {@code k} to node {@code k % 2}. */
  private static Burst.Result alternating(int n, NodeRequest request) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    return Burst.fire(
        n,
        () -> {
          int k = next.getAndIncrement();
          return request.apply(k, k % cluster.size());
        });
  }

  /** Request {@code k} of a burst, sent to {@code node}. */
  @FunctionalInterface
  private interface NodeRequest {
    Browser.Me apply(int k, int node) throws Exception;
  }

  private static List<Double> idpCallsPerNode() throws Exception {
    List<Double> calls = new ArrayList<>();
    for (int node = 0; node < cluster.size(); node++) {
      calls.add(
          PrometheusText.value(
              PrometheusText.scrape(cluster.metrics(node), "token_refresh_"), IDP_CALLS));
    }
    return calls;
  }

  private static int idpCallsSince(List<Double> before) throws Exception {
    List<Double> now = idpCallsPerNode();
    double sum = 0;
    for (int node = 0; node < now.size(); node++) {
      sum += now.get(node) - before.get(node);
    }
    return (int) sum;
  }

  private static ScenarioRun measure(
      String scenario, List<Session> of, Callable<Burst.Result> burst) throws Exception {
    return fixture.measure(scenario, of, cluster.metrics(0), burst);
  }
}
