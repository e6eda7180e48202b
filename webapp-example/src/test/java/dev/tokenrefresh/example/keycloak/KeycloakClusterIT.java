package dev.tokenrefresh.example.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.example.demo.Browser;
import dev.tokenrefresh.example.demo.Burst;
import dev.tokenrefresh.example.demo.DemoPaths;
import dev.tokenrefresh.example.demo.PrometheusText;
import dev.tokenrefresh.example.keycloak.UserSessions.Session;
import java.nio.file.Path;
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

  private static final int BURST = 200;
  private static final int MANY_USERS = 10;
  private static final int PER_USER = 20;
  private static final String IDP_CALLS = "token_refresh_idp_calls_total";

  private static final SuiteReport report = new SuiteReport();
  private static RealmFile realm;
  private static KeycloakAdmin admin;
  private static KeycloakCluster cluster;
  private static UserSessions sessions;
  private static UserSessions controlSessions;
  private static Path workDir;
  private static final List<Session> many = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    KeycloakServer keycloak = KeycloakServer.fromSystemProperties();
    realm = RealmFile.read(keycloak.realmFile());
    admin = new KeycloakAdmin(keycloak, realm.realm());
    DemoPaths built = DemoPaths.fromSystemProperties();
    workDir =
        Path.of(System.getProperty("keycloak.e2e.work-dir", "target/keycloak-e2e"))
            .resolve("cluster");
    cluster =
        KeycloakCluster.start(
            new DemoPaths(built.war(), built.payaraMicro(), built.payaraConfig(), workDir),
            keycloak,
            realm,
            admin);
    List<String> names = new ArrayList<>(List.of("cluster-burst-user"));
    for (int i = 1; i <= MANY_USERS; i++) {
      names.add(String.format("cluster-many-user-%02d", i));
    }
    sessions = new UserSessions(admin, cluster.app(0));
    sessions.createAndLogIn(names);
    controlSessions = new UserSessions(admin, cluster.control(0));
    controlSessions.createAndLogIn(List.of("cluster-control-user"));
    for (int i = 1; i <= MANY_USERS; i++) {
      many.add(sessions.get(String.format("cluster-many-user-%02d", i)));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (workDir != null) {
        report.publish(workDir.resolve("keycloak-cluster-results.md"));
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
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
    awaitExpiry(s.loginExp());
    Observation before = observe();
    List<Double> callsBefore = idpCallsPerNode();

    Burst.Result burst = alternating(BURST, (k, node) -> s.browser().me(cluster.app(node)));

    Observation after = observe();
    report.add(ScenarioNumbers.of("two nodes: burst", 1, burst, before, after, lost(s)));
    assertOneRefreshAndAlive(s, burst, before, after);
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
    awaitExpiry(many.stream().mapToLong(Session::loginExp).max().orElseThrow());
    Observation before = observe();

    // request k: user (k / 2) % 10 on node k % 2, so each user's 20 requests alternate
    Burst.Result burst =
        alternating(
            MANY_USERS * PER_USER,
            (k, node) -> many.get(k / 2 % MANY_USERS).browser().me(cluster.app(node)));

    Observation after = observe();
    int lost = 0;
    for (Session s : many) {
      lost += lost(s);
    }
    report.add(
        ScenarioNumbers.of("two nodes: many sessions", MANY_USERS, burst, before, after, lost));
    assertThat(burst.successes())
        .as("answered 200 (first others: %s)", burst.failures())
        .isEqualTo(MANY_USERS * PER_USER);
    assertThat(after.refusalsSince(before)).as("refreshes Keycloak refused").isZero();
    for (Session s : many) {
      assertThat(after.refreshesSince(before, s.userId()))
          .as("Keycloak's refreshes of %s", s.username())
          .isEqualTo(1);
    }
    assertThat(lost).as("sessions lost at Keycloak").isZero();
  }

  @Test
  @Order(4)
  void negativeControl_perNodeCoalescing_theSameBurstRedeemsTwiceAndLogsTheUserOut()
      throws Exception {
    Session s = controlSessions.get("cluster-control-user");
    awaitExpiry(s.loginExp());
    Observation before = observe();

    Burst.Result burst = alternating(BURST, (k, node) -> s.browser().me(cluster.control(node)));

    Observation after = observe();
    int lost = lost(s);
    report.add(
        ScenarioNumbers.of(
            "two nodes: negative control (per node)", 1, burst, before, after, lost));
    assertThatThrownBy(() -> assertOneRefreshAndAlive(s, burst, before, after))
        .as("the assertion of the burst catches per-node coalescing")
        .isInstanceOf(AssertionError.class);
    assertThat(after.refreshesSince(before) + after.refusalsSince(before))
        .as("Keycloak saw the refresh token from each node")
        .isGreaterThanOrEqualTo(2);
    assertThat(after.refusalsSince(before)).as("a node's reuse refused").isPositive();
    // Keycloak removes the client session on a detected reuse (seen in some runs); two
    // redemptions at the same instant may instead be refused without it. Either way the node
    // whose call was refused ends the session for the user: its requests get 401.
    assertThat(burst.statuses()).as("answers by status").containsKey(401);
  }

  /** The assertion of every "one refresh" scenario; the negative control shows it can fail. */
  private static void assertOneRefreshAndAlive(
      Session s, Burst.Result burst, Observation before, Observation after) throws Exception {
    assertThat(burst.successes())
        .as("answered 200 (first others: %s)", burst.failures())
        .isEqualTo(burst.requests());
    assertThat(after.refreshesSince(before)).as("refreshes Keycloak answered").isEqualTo(1);
    assertThat(after.refusalsSince(before)).as("refreshes Keycloak refused").isZero();
    assertThat(lost(s)).as("sessions lost at Keycloak").isZero();
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

  /** 1 when Keycloak no longer holds the session's client session, else 0. */
  private static int lost(Session s) throws Exception {
    return admin.hasClientSession(s.userId(), realm.clientId()) ? 0 : 1;
  }

  /** Real time: the tokens' expiry is real time. */
  private static void awaitExpiry(long expEpochSeconds) throws InterruptedException {
    long wait = expEpochSeconds * 1000 + 500 - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private static Observation observe() throws Exception {
    return Observation.take(admin, cluster.metrics(0));
  }
}
