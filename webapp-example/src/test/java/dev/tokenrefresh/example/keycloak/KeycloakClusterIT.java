package dev.tokenrefresh.example.keycloak;

import static dev.tokenrefresh.example.keycloak.KeycloakFixture.BURST;
import static dev.tokenrefresh.example.keycloak.KeycloakFixture.IDP_CALLS;
import static dev.tokenrefresh.example.keycloak.KeycloakFixture.PER_USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.example.demo.Browser;
import dev.tokenrefresh.example.demo.Burst;
import dev.tokenrefresh.example.demo.PrometheusText;
import dev.tokenrefresh.example.keycloak.UserSessions.Session;
import java.util.ArrayList;
import java.util.List;
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

  private static final int MANY_USERS = 10;
  private static final List<String> MANY =
      KeycloakFixture.numbered("cluster-many-user-%02d", MANY_USERS);

  private static KeycloakFixture fixture;
  private static KeycloakCluster cluster;
  private static ScenarioMeter meter;
  private static UserSessions sessions;

  /** The negative control's user, logged in through the control WAR. */
  private static Session control;

  @BeforeAll
  static void start() throws Exception {
    fixture = KeycloakFixture.fromSystemProperties("cluster");
    cluster = KeycloakCluster.start(fixture);
    meter = fixture.meterAt(cluster.metrics(0));
    List<String> names = new ArrayList<>(List.of("cluster-burst-user"));
    names.addAll(MANY);
    sessions = new UserSessions(fixture.admin(), cluster.app(0));
    sessions.createAndLogIn(names);
    UserSessions controlSessions = new UserSessions(fixture.admin(), cluster.control(0));
    controlSessions.createAndLogIn(List.of("cluster-control-user"));
    control = controlSessions.get("cluster-control-user");
  }

  @AfterAll
  static void stop() throws Exception {
    KeycloakFixture.publishThenClose(fixture, "keycloak-cluster-results.md", cluster);
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
        meter.measure(
            "two nodes: burst",
            s,
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
    List<Session> many = sessions.get(MANY);
    ScenarioRun run =
        meter.measure(
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
    ScenarioRun run =
        meter.measure(
            "two nodes: negative control (per node)",
            control,
            () -> alternating(BURST, (k, node) -> control.browser().me(cluster.control(node))));

    fixture.assertCaughtByOneRefreshAndAlive(
        control, run, "the assertion of the burst catches per-node coalescing");
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
}
