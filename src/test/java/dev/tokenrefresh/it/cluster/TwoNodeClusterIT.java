package dev.tokenrefresh.it.cluster;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.Hold;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.RefreshFamilies;
import dev.tokenrefresh.it.support.RefreshFamilies.Family;
import dev.tokenrefresh.it.support.TokenGrant;
import java.io.File;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Micro nodes clustered on 127.0.0.1, no sticky sessions: each request of one session
 * goes to the other node, with the same cookies, and the identity provider in this JVM rotates
 * refresh tokens and revokes the whole grant on reuse, as Keycloak does ({@link RefreshFamilies}).
 * One start of the two nodes for every scenario; both deployments ({@link ClusterWars#GRID}, {@link
 * ClusterWars#LOCAL}) run on both. The scenarios that kill a node run last. Plain JUnit 5:
 * Arquillian's Payara adapter manages one server, not a cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

  private static final int BURST = 200;
  private static final String PENDING =
      "needs the Hazelcast adapter (token-refresh.cluster=hazelcast, branch cluster): until it"
          + " lands the key is ignored and the grid deployment coalesces per node";

  private static final RefreshFamilies families = new RefreshFamilies();
  private static MicroCluster cluster;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    Path work = Path.of(property("it.cluster.work"));
    Files.createDirectories(work);
    File[] wars = ClusterWars.export(work);
    cluster = MicroCluster.start(2, property("it.cluster.name"), List.of(wars), work);
    MockIdp.shared().answerEveryRefresh(families.step());
    // the grid is formed and replicates sessions: a login on node 0 is read on node 1
    TokenGrant tokens = families.issue().issued();
    SpreadSession probe =
        SpreadSession.login(bases(ClusterWars.LOCAL), tokens, Duration.ofMinutes(10));
    Poll.until(
        "the session of node 0 readable on node 1",
        Duration.ofSeconds(60),
        Duration.ofMillis(500),
        () -> probe.storedTokens(1),
        stored -> stored.isPresent() && stored.get().equals(tokens));
  }

  @AfterAll
  static void stopTwoNodes() {
    MockIdp.shared().reset();
    if (cluster != null) {
      cluster.close();
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
    SpreadSession session = loginExpired(ClusterWars.LOCAL, family);
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
    SpreadSession session = loginExpired(ClusterWars.LOCAL, family);

    staleCopyAfterRotation(session, family);

    assertThat(family.reuses()).as("the stale copy's token redeemed again").isEqualTo(1);
    assertThatThrownBy(() -> assertNoReuse(family)).isInstanceOf(AssertionError.class);
  }

  // --- cluster-wide: token-refresh.cluster=hazelcast --------------------------------------------

  @Test
  @Order(10)
  @Disabled(PENDING)
  void gridCoalescing_burstAcrossNodes_oneRedemptionAndEveryRequestGetsTheNewToken() {
    Family family = families.issue();
    SpreadSession session = loginExpired(ClusterWars.GRID, family);
    List<Metrics> before = scrape();
    Hold hold = new Hold(Duration.ofSeconds(5));
    families.holdEveryRedemption(hold);

    Burst<Echo> burst = Burst.start(BURST, session::echoOnNextNode);
    releaseWhen(hold, BURST + " requests waiting", () -> requestsSince(before) >= BURST);
    List<Echo> answers = burst.results();

    assertThat(answers).extracting(Echo::status).containsOnly(200);
    assertThat(answers).extracting(Echo::accessToken).containsOnly(family.current().accessToken());
    assertRefreshedOnce(family);
    assertSessionAliveOnEveryNode(session, family);
  }

  @Test
  @Order(11)
  @Disabled(PENDING)
  void gridCoalescing_50SessionsOf20RequestsAcrossNodes_oneRedemptionEach() {
    int sessions = 50;
    int perThread = 5;
    int threadsPerSession = 4; // 4 threads x 5 requests = 20 requests per session
    List<Family> grants = new ArrayList<>();
    List<SpreadSession> users = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      Family f = families.issue();
      grants.add(f);
      users.add(loginExpired(ClusterWars.GRID, f));
    }
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();

    List<List<Echo>> answers =
        Burst.run(
            sessions * threadsPerSession,
            () -> {
              SpreadSession user = users.get(next.getAndIncrement() % sessions);
              return IntStream.range(0, perThread).mapToObj(n -> user.echoOnNextNode()).toList();
            });

    assertThat(answers.stream().flatMap(List::stream)).extracting(Echo::status).containsOnly(200);
    for (Family f : grants) {
      assertRefreshedOnce(f);
    }
    assertThat(MockIdp.shared().refreshCalls()).isEqualTo(sessions);
  }

  @Test
  @Order(12)
  @Disabled(PENDING)
  void gridCoalescing_staleSessionCopyBeyondGrace_getsTheCurrentTokensFromTheGrid()
      throws Exception {
    Family family = families.issue();
    SpreadSession session = loginExpired(ClusterWars.GRID, family);

    Echo stale = staleCopyAfterRotation(session, family);

    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.accessToken()).isEqualTo(family.current().accessToken());
    assertNoReuse(family);
    assertRefreshedOnce(family);
    assertSessionAliveOnEveryNode(session, family);
  }

  // --- a node killed mid-refresh (last: the second restarts the node the first killed) ---------

  @Test
  @Order(20)
  @Disabled(PENDING)
  void gridCoalescing_leaderKilledBeforeTheProviderAnswered_otherNodeTakesOver() throws Exception {
    Family family = families.issue();
    SpreadSession session = loginExpired(ClusterWars.GRID, family);
    RefreshFamilies.Interception leaderCall =
        families.interceptNext(new Hold(Duration.ofSeconds(30)), null);
    CompletableFuture<Echo> leader = CompletableFuture.supplyAsync(() -> lost(session, 0));
    assertThat(leaderCall.awaitArrival(Duration.ofSeconds(10)))
        .as("node 0 leads: its refresh reached the provider")
        .isTrue();
    List<Metrics> before = scrape();
    Burst<Echo> followers = Burst.start(20, () -> session.echo(1));
    Poll.until(
        "node 1's requests waiting",
        Duration.ofSeconds(5),
        Duration.ofMillis(50),
        () -> requestsSince(before),
        n -> n >= 20);

    cluster.node(0).kill();
    leaderCall.dropUnprocessed(); // the killed node's call never reached the provider's logic
    List<Echo> answers = followers.results();

    assertThat(answers).extracting(Echo::status).containsOnly(200);
    assertThat(answers).extracting(Echo::accessToken).containsOnly(family.current().accessToken());
    assertRefreshedOnce(family);
    assertThat(session.echo(1))
        .as("the session survived")
        .isEqualTo(new Echo(200, family.current().accessToken(), "REQUEST"));
    assertRefreshedOnce(family);
    assertThat(leader.join()).isNull();
  }

  @Test
  @Order(21)
  @Disabled(PENDING)
  void gridCoalescing_leaderKilledAfterTheProviderRotated_sessionEndsWithoutLoopOr500()
      throws Exception {
    if (!cluster.node(0).isAlive()) {
      cluster.restart(0);
    }
    Family family = families.issue();
    SpreadSession session = loginExpired(ClusterWars.GRID, family);
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
    Burst<Echo> followers = Burst.start(20, () -> session.echo(1));
    Poll.until(
        "node 1's requests waiting",
        Duration.ofSeconds(5),
        Duration.ofMillis(50),
        () -> requestsSince(before),
        n -> n >= 20);

    cluster.node(0).kill(); // the new tokens die with it
    answerHeld.release();
    List<Echo> answers = followers.results();

    assertThat(answers).extracting(Echo::status).containsOnly(401);
    int calls = family.calls();
    assertThat(calls).as("one takeover, no loop").isEqualTo(2);
    assertThat(session.echo(1).status()).isEqualTo(401);
    assertThat(family.calls()).as("a logged-out session calls no more").isEqualTo(calls);
    assertThat(leader.join()).isNull();
  }

  // --- the scenarios' steps ----------------------------------------------------------------------

  /**
   * Node 1 reads the session (its local copy then holds the first refresh token), node 0 refreshes,
   * the rotation grace passes, and then a tab that still sends the session's old cookies (Payara's
   * {@code JSESSIONIDVERSION}) calls node 1, which serves its stale copy and writes it back.
   *
   * @return that tab's answer
   */
  private static Echo staleCopyAfterRotation(SpreadSession session, Family family)
      throws Exception {
    assertThat(session.storedTokens(1)).contains(family.issued());
    SpreadSession oldTab = session.tabWithCurrentCookies();
    SpreadSession witness = session.tabWithCurrentCookies();

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

  private static SpreadSession loginExpired(String context, Family family) {
    return SpreadSession.login(bases(context), family.issued(), Duration.ofSeconds(-1));
  }

  /** The request that dies with its node: {@code null} when its connection was cut. */
  private static Echo lost(SpreadSession session, int node) {
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
  private static void assertSessionAliveOnEveryNode(SpreadSession session, Family family) {
    int calls = family.calls();
    for (int node = 0; node < cluster.size(); node++) {
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

  private static void releaseWhen(Hold hold, String what, java.util.function.BooleanSupplier done) {
    try {
      Poll.until(what, hold.max(), Duration.ofMillis(25), done::getAsBoolean, ok -> ok);
    } finally {
      hold.release();
    }
  }

  private static List<Metrics> scrape() {
    return IntStream.range(0, cluster.size())
        .filter(i -> cluster.node(i).isAlive())
        .mapToObj(i -> Metrics.scrape(cluster.node(i).metrics()))
        .toList();
  }

  /** Refresh requests the live nodes counted since {@code before} (both deployments). */
  private static double requestsSince(List<Metrics> before) {
    List<Metrics> now = scrape();
    double sum = 0;
    for (int i = 0; i < Math.min(now.size(), before.size()); i++) {
      sum += now.get(i).counterSince(before.get(i), REQUESTS);
    }
    return sum;
  }

  private static List<URI> bases(String context) {
    return IntStream.range(0, cluster.size()).mapToObj(i -> cluster.node(i).base(context)).toList();
  }

  private static String property(String name) {
    return Objects.requireNonNull(
        System.getProperty(name), "system property " + name + " (set by failsafe)");
  }
}
