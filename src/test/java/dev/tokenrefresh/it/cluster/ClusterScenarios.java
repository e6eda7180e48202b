package dev.tokenrefresh.it.cluster;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.CLUSTER_CLAIMS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.CLUSTER_LEASES_LOST;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.CLUSTER_LEASE_RENEWALS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.CLUSTER_STALE_CORRECTED;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.FAILURES;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.KIND;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.REQUESTS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.FailsafeProperty;
import dev.tokenrefresh.it.support.Hold;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.RefreshFamilies;
import dev.tokenrefresh.it.support.RefreshFamilies.Family;
import dev.tokenrefresh.it.support.TokenGrant;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster scenarios of issue 12, for any server whose nodes a subclass starts ({@link
 * #startNodes}): two or more nodes, no sticky sessions, each request of one session sent to another
 * node with the same cookies, and the identity provider in this JVM rotating refresh tokens and
 * revoking the whole grant on reuse, as Keycloak does ({@link RefreshFamilies}). One start of the
 * nodes for every scenario; both deployments ({@link ClusterWars#GRID}, {@link ClusterWars#LOCAL})
 * run on every node. The negative controls run first, the scenarios that kill node 0 last (the
 * second restarts it). Plain JUnit 5: Arquillian's adapters manage one server, not a cluster.
 *
 * <p>A subclass names its grid adapter ({@link #gridAdapter}), may add keys both deployments need
 * on its server ({@link #serverKeys}), and starts the nodes with the two WARs deployed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ClusterScenarios {

  private static final int BURST = 200;
  private static final Duration VALID = Duration.ofMinutes(10);

  private final RefreshFamilies families = new RefreshFamilies();
  private ClusterNodes nodes;

  /** The value of {@code token-refresh.cluster} that selects this server's grid adapter. */
  protected abstract String gridAdapter();

  /** Keys both deployments need on this server (its executors, ...); none by default. */
  protected Map<String, String> serverKeys() {
    return Map.of();
  }

  /**
   * Starts the nodes, each with {@code wars} deployed, and returns once every node serves them.
   *
   * @param work a folder of this test's own for logs and the servers' files
   */
  protected abstract ClusterNodes startNodes(List<File> wars, Path work) throws Exception;

  @BeforeAll
  void startCluster() throws Exception {
    Path work =
        FailsafeProperty.path("it.cluster.work", "target/cluster")
            .resolve(getClass().getSimpleName());
    Files.createDirectories(work);
    nodes = startNodes(List.of(ClusterWars.export(work, gridAdapter(), serverKeys())), work);
    MockIdp.shared().answerEveryRefresh(families.step());
    awaitSessionsReplicated();
  }

  @AfterAll
  void stopCluster() {
    MockIdp.shared().reset();
    if (nodes != null) {
      nodes.close();
    }
  }

  @BeforeEach
  void aQuietIdp() {
    MockIdp.shared().reset();
    MockIdp.shared().answerEveryRefresh(families.step());
    families.reset();
  }

  // --- negative controls: per-node coalescing (token-refresh.cluster=local) --------------------

  @Test
  @Order(1)
  void localCoalescing_burstAcrossNodes_redeemsTwiceAndTheGrantIsRevoked() {
    Family family = families.issue();
    SessionOnNodes session = loginExpired(ClusterWars.LOCAL, family);
    Hold hold = new Hold(Duration.ofSeconds(5));
    families.holdEveryRedemption(hold);

    Burst<Echo> burst = Burst.start(BURST, session::echoOnNextNode);
    releaseWhen(hold, "a refresh from each node", () -> MockIdp.shared().refreshCalls() >= 2);
    List<Echo> answers = burst.results();

    assertThat(family.callsWith(family.issued().refreshToken()))
        .as("each node redeemed the refresh token once")
        .isEqualTo(2);
    assertThat(family.isDead()).as("the provider revoked the grant on reuse").isTrue();
    assertThat(answers).extracting(Echo::status).contains(401).doesNotContain(500);
    assertThatThrownBy(() -> assertRefreshedOnce(family)).isInstanceOf(AssertionError.class);
  }

  @Test
  @Order(2)
  void localCoalescing_staleSessionCopyBeyondGrace_redeemsTheRotatedToken() throws Exception {
    Family family = families.issue();
    SessionOnNodes session = loginExpired(ClusterWars.LOCAL, family);

    staleCopyAfterRotation(session, family);

    assertThat(family.reuses()).as("the stale copy's token redeemed again").isEqualTo(1);
    assertThatThrownBy(() -> assertNoReuse(family)).isInstanceOf(AssertionError.class);
  }

  // --- cluster-wide: token-refresh.cluster=<the server's adapter> --------------------------------

  /**
   * Also the slow provider of rule 2: the provider answers only after the leader renewed its lease
   * for longer than one lease, and the other node's requests still wait instead of calling.
   */
  @Test
  @Order(10)
  void gridCoalescing_burstAcrossNodes_oneRedemptionAndEveryRequestGetsTheNewToken() {
    Family family = families.issue();
    SessionOnNodes session = loginExpired(ClusterWars.GRID, family);
    List<Metrics> before = scrape();
    // released once the leader renewed beyond its first lease, well inside the read timeout
    Hold hold = new Hold(ClusterWars.READ_TIMEOUT.minusSeconds(1));
    families.holdEveryRedemption(hold);

    Burst<Echo> burst = Burst.start(BURST, session::echoOnNextNode);
    int renewalsBeyondOneLease = 4; // one every third of the lease
    releaseWhen(
        hold,
        BURST + " requests waiting and the lease renewed beyond its first term",
        () ->
            requestsSince(before) >= BURST
                && gridCounterSince(before, CLUSTER_LEASE_RENEWALS) >= renewalsBeyondOneLease);
    List<Echo> answers = burst.results();

    assertThat(answers).extracting(Echo::status).containsOnly(200);
    assertThat(answers).extracting(Echo::accessToken).containsOnly(family.current().accessToken());
    assertRefreshedOnce(family);
    assertSessionAliveOnEveryNode(session, family);
    assertThat(gridCounterSince(before, CLUSTER_CLAIMS, ROLE, "led")).as("led").isEqualTo(1);
    assertThat(gridCounterSince(before, CLUSTER_CLAIMS, ROLE, "followed"))
        .as("followed: one flight on each other node")
        .isEqualTo(nodes.size() - 1);
    assertThat(gridCounterSince(before, CLUSTER_CLAIMS, ROLE, "taken_over")).isZero();
    assertThat(gridCounterSince(before, CLUSTER_LEASES_LOST)).isZero();
  }

  @Test
  @Order(11)
  void gridCoalescing_50SessionsOf20RequestsAcrossNodes_oneRedemptionEach() {
    int sessions = 50;
    int perThread = 5;
    int threadsPerSession = 4; // 4 threads x 5 requests = 20 requests per session
    List<Family> grants = new ArrayList<>();
    List<SessionOnNodes> users = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      Family f = families.issue();
      grants.add(f);
      users.add(loginExpired(ClusterWars.GRID, f));
    }
    List<Metrics> before = scrape();
    AtomicInteger next = new AtomicInteger();

    List<List<Echo>> answers =
        Burst.run(
            sessions * threadsPerSession,
            () -> {
              SessionOnNodes user = users.get(next.getAndIncrement() % sessions);
              return IntStream.range(0, perThread).mapToObj(n -> user.echoOnNextNode()).toList();
            });

    assertThat(answers.stream().flatMap(List::stream)).extracting(Echo::status).containsOnly(200);
    for (Family f : grants) {
      assertRefreshedOnce(f);
    }
    assertThat(MockIdp.shared().refreshCalls()).isEqualTo(sessions);
    assertThat(gridCounterSince(before, CLUSTER_CLAIMS, ROLE, "led"))
        .as("one leader per session in the cluster")
        .isEqualTo(sessions);
    assertThat(gridCounterSince(before, CLUSTER_CLAIMS, ROLE, "taken_over")).isZero();
  }

  @Test
  @Order(12)
  void gridCoalescing_staleSessionCopyBeyondGrace_getsTheCurrentTokensFromTheGrid()
      throws Exception {
    Family family = families.issue();
    SessionOnNodes session = loginExpired(ClusterWars.GRID, family);
    List<Metrics> before = scrape();

    Echo stale = staleCopyAfterRotation(session, family);

    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.accessToken()).isEqualTo(family.current().accessToken());
    assertNoReuse(family);
    assertRefreshedOnce(family);
    assertSessionAliveOnEveryNode(session, family);
    assertThat(gridCounterSince(before, CLUSTER_STALE_CORRECTED))
        .as("the stale copy corrected from the grid")
        .isEqualTo(1);
  }

  // --- node 0 killed mid-refresh (last: the second restarts the node the first killed) ---------

  @Test
  @Order(20)
  void gridCoalescing_leaderKilledBeforeTheProviderAnswered_otherNodeTakesOver() throws Exception {
    Family family = families.issue();
    SessionOnNodes session = loginExpired(ClusterWars.GRID, family);
    RefreshFamilies.Interception leaderCall =
        families.interceptNext(new Hold(Duration.ofSeconds(30)), null);
    CompletableFuture<Echo> leader = CompletableFuture.supplyAsync(() -> lost(session, 0));
    assertThat(leaderCall.awaitArrival(Duration.ofSeconds(10)))
        .as("node 0 leads: its refresh reached the provider")
        .isTrue();
    List<Metrics> before = scrape();
    Burst<Echo> followers = Burst.start(20, () -> session.echo(1));
    awaitWaiting(before, 20);
    List<Metrics> survivorBefore = scrapeSurvivors();

    nodes.kill(0);
    leaderCall.dropUnprocessed(); // the killed node's call never reached the provider's logic
    List<Echo> answers = followers.results();

    assertThat(answers).extracting(Echo::status).containsOnly(200);
    assertThat(answers).extracting(Echo::accessToken).containsOnly(family.current().accessToken());
    assertRefreshedOnce(family);
    assertThat(session.echo(1))
        .as("the session survived")
        .isEqualTo(new Echo(200, family.current().accessToken(), "REQUEST"));
    assertRefreshedOnce(family);
    assertThat(leader.join()).as("the killed node's request was cut").isNull();
    assertThat(survivorCounterSince(survivorBefore, CLUSTER_CLAIMS, ROLE, "taken_over"))
        .as("taken over by node 1")
        .isEqualTo(1);
  }

  /**
   * The documented limit (README, "Running a cluster"): the new tokens die with the leader, the
   * takeover presents the rotated token, the provider refuses it, and the session ends as a dead
   * grant does: 401 {@code session_expired}, its tokens removed; never a loop, never a 500.
   */
  @Test
  @Order(21)
  void gridCoalescing_leaderKilledAfterTheProviderRotated_sessionExpiresWithoutLoopOr500()
      throws Exception {
    if (!nodes.isAlive(0)) {
      nodes.restart(0);
      awaitSessionsReplicated();
    }
    Family family = families.issue();
    SessionOnNodes session = loginExpired(ClusterWars.GRID, family);
    Hold answerHeld = new Hold(Duration.ofSeconds(30));
    RefreshFamilies.Interception leaderCall =
        families.interceptNext(new Hold(Duration.ZERO), answerHeld);
    CompletableFuture<Echo> leader = CompletableFuture.supplyAsync(() -> lost(session, 0));
    assertThat(leaderCall.awaitArrival(Duration.ofSeconds(10))).isTrue();
    Poll.until(
        "the rotation",
        Duration.ofSeconds(5),
        Duration.ofMillis(20),
        family::rotations,
        n -> n == 1);
    List<Metrics> before = scrape();
    Burst<String> followers = Burst.start(20, () -> session.errorOf(1));
    awaitWaiting(before, 20);
    List<Metrics> survivorBefore = scrapeSurvivors();

    nodes.kill(0); // the new tokens die with it
    answerHeld.release();
    List<String> answers = followers.results();

    assertThat(answers)
        .as("every waiting request: 401 session_expired")
        .containsOnly("401 session_expired");
    assertThat(family.calls()).as("one takeover, no loop").isEqualTo(2);
    assertThat(session.storedTokens(1)).as("the dead grant's tokens removed").isEmpty();
    assertThat(session.echo(1))
        .as("the next request carries no token: the application's login takes over")
        .isEqualTo(new Echo(200, "", "REQUEST"));
    assertThat(family.calls()).as("a session without tokens calls no more").isEqualTo(2);
    assertThat(leader.join()).as("the killed node's request was cut").isNull();
    assertThat(survivorCounterSince(survivorBefore, CLUSTER_CLAIMS, ROLE, "taken_over"))
        .isEqualTo(1);
    assertThat(survivorCounterSince(survivorBefore, FAILURES, KIND, "grant_revoked")).isEqualTo(1);
  }

  // --- the scenarios' steps ----------------------------------------------------------------------

  /**
   * Node 1 reads the session (its local copy then holds the first refresh token), node 0 refreshes,
   * the rotation grace passes, and then a tab that still sends the session's old cookies (Payara's
   * {@code JSESSIONIDVERSION}) calls node 1, which serves its stale copy and writes it back. A
   * server that never serves a stale copy this way fails the precondition: its subclass must make
   * one its own way.
   *
   * @return that tab's answer
   */
  protected Echo staleCopyAfterRotation(SessionOnNodes session, Family family) throws Exception {
    assertThat(session.storedTokens(1)).contains(family.issued());
    SessionOnNodes oldTab = session.tabWithCurrentCookies();
    SessionOnNodes witness = session.tabWithCurrentCookies();

    assertThat(session.echo(0).status()).isEqualTo(200);
    assertThat(family.rotations()).isEqualTo(1);
    assertThat(witness.storedTokens(1))
        .as("precondition: with the old cookies node 1 serves its stale copy")
        .contains(family.issued());
    Thread.sleep(ClusterWars.ROTATION_GRACE.plusSeconds(1).toMillis()); // beyond the grace
    Echo stale = oldTab.echo(1);
    session.echo(1); // and the session itself, on the node that wrote the stale copy back
    return stale;
  }

  /**
   * Until a session made on node 0 is read on every other node: the grid replicates sessions. A
   * session made while a restarted node is still joining may stay local to it (seen on WildFly at
   * high load), so a probe not replicated within 15 s is replaced by a new one, up to 90 s in all.
   */
  private void awaitSessionsReplicated() {
    AssertionError last = null;
    for (int attempt = 0; attempt < 6; attempt++) {
      TokenGrant tokens = families.issue().issued();
      SessionOnNodes probe = SessionOnNodes.login(nodes, ClusterWars.LOCAL, tokens, VALID);
      try {
        for (int node = 1; node < nodes.size(); node++) {
          probe.awaitStored(
              node,
              tokens,
              Duration.ofSeconds(15),
              "the session of node 0 readable on node " + node);
        }
        return;
      } catch (AssertionError notYet) {
        last = notYet;
      }
    }
    throw last;
  }

  private SessionOnNodes loginExpired(String context, Family family) {
    return SessionOnNodes.login(nodes, context, family.issued(), Duration.ofSeconds(-1));
  }

  /** The request that dies with its node: {@code null} when its connection was cut. */
  private static Echo lost(SessionOnNodes session, int node) {
    try {
      return session.echo(node);
    } catch (UncheckedIOException cut) {
      return null;
    }
  }

  /** The assertion of every cluster-wide scenario, which the negative controls must fail. */
  private static void assertRefreshedOnce(Family family) {
    assertThat(family.callsWith(family.issued().refreshToken()))
        .as("redemptions of the login's refresh token (%s)", family)
        .isEqualTo(1);
    assertThat(family.rotations()).as("rotations (%s)", family).isEqualTo(1);
    assertThat(family.isDead()).as("grant revoked (%s)", family).isFalse();
  }

  /**
   * The next request on each node goes on with the current tokens, and calls the provider no more.
   */
  private void assertSessionAliveOnEveryNode(SessionOnNodes session, Family family) {
    int calls = family.calls();
    for (int node = 0; node < nodes.size(); node++) {
      assertThat(session.echo(node).accessToken())
          .as("node %d's answer", node)
          .isEqualTo(family.current().accessToken());
    }
    assertThat(family.calls()).as("provider calls after the refresh").isEqualTo(calls);
  }

  private static void assertNoReuse(Family family) {
    assertThat(family.reuses()).as("reuses of a rotated token (%s)", family).isZero();
    assertThat(family.isDead()).as("grant revoked (%s)", family).isFalse();
  }

  private static void releaseWhen(Hold hold, String what, BooleanSupplier done) {
    try {
      Poll.until(what, hold.max(), Duration.ofMillis(25), done::getAsBoolean, ok -> ok);
    } finally {
      hold.release();
    }
  }

  private void awaitWaiting(List<Metrics> before, int requests) {
    Poll.until(
        "node 1's requests waiting",
        Duration.ofSeconds(5),
        Duration.ofMillis(50),
        () -> requestsSince(before),
        n -> n >= requests);
  }

  /** Every node's metrics now (every node must be alive). */
  private List<Metrics> scrape() {
    return scrapeFrom(0);
  }

  /** The metrics of the nodes after node 0, which the kill scenarios kill. */
  private List<Metrics> scrapeSurvivors() {
    return scrapeFrom(1);
  }

  private List<Metrics> scrapeFrom(int first) {
    return IntStream.range(first, nodes.size())
        .mapToObj(i -> Metrics.scrape(nodes.metrics(i)).ofDeployment(ClusterWars.GRID))
        .toList();
  }

  /** Refresh requests of the grid deployment, summed over the nodes, since {@code before}. */
  private double requestsSince(List<Metrics> before) {
    return sumSince(scrape(), before, REQUESTS);
  }

  /** A counter of the grid deployment, summed over the live nodes, since {@code before}. */
  private double gridCounterSince(List<Metrics> before, String name, String... labels) {
    return sumSince(scrape(), before, name, labels);
  }

  /** A counter of the grid deployment on the nodes after node 0 (which was killed). */
  private double survivorCounterSince(List<Metrics> before, String name, String... labels) {
    return sumSince(scrapeSurvivors(), before, name, labels);
  }

  private static double sumSince(
      List<Metrics> now, List<Metrics> before, String name, String... labels) {
    double sum = 0;
    for (int i = 0; i < now.size(); i++) {
      sum += now.get(i).counterSince(before.get(i), name, labels);
    }
    return sum;
  }
}
