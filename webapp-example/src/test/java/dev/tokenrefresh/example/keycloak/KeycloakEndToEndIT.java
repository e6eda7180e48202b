package dev.tokenrefresh.example.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.example.demo.Browser;
import dev.tokenrefresh.example.demo.Burst;
import dev.tokenrefresh.example.demo.DemoPaths;
import dev.tokenrefresh.example.demo.PrometheusText;
import dev.tokenrefresh.example.keycloak.UserSessions.Session;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The example end to end against Keycloak 26.7.3, the provider that punishes the bug this module
 * exists to fix: with {@code revokeRefreshToken=true} and {@code refreshTokenMaxReuse=0} the second
 * use of a refresh token is refused ({@code invalid_grant}) and the client session is removed, so
 * even the first request's new refresh token stops working and the user is logged out.
 *
 * <p>The build starts Keycloak ({@code src/it/keycloak/keycloak.sh}, profile {@code keycloak-e2e})
 * with the realm of {@code token-refresh-realm.json}: 10 s access tokens, rotation with no reuse,
 * events stored for {@code REFRESH_TOKEN} and {@code REFRESH_TOKEN_ERROR}. This class starts the
 * example's WAR (plus the negative control's servlet) on Payara Micro, creates the users, and logs
 * each session in through Keycloak's login form. Every "one refresh" is Keycloak's own count, read
 * from its admin events API; "alive" means Keycloak still lists the session with this client, and a
 * later refresh through the example succeeds (checked last, so that the waits overlap).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakEndToEndIT {

  private static final int BURST = 200;
  private static final int MANY_USERS = 50;
  private static final int PER_USER = 20;
  private static final int REVOKED_BURST = 20;

  private static final String IDP_CALLS = "token_refresh_idp_calls_total";

  private static final SuiteReport report = new SuiteReport();
  private static RealmFile realm;
  private static KeycloakAdmin admin;
  private static KeycloakStack stack;
  private static UserSessions sessions;
  private static Path workDir;
  private static final List<Session> many = new ArrayList<>();

  /** Scenarios 1 and 2: the expiry of each session's refreshed access token. */
  private static final Map<String, Long> refreshedExp = new ConcurrentHashMap<>();

  /** Scenario 4: when the tokens of the negative control's one accepted refresh expire. */
  private static long naiveTokensExpireBy;

  @BeforeAll
  static void start() throws Exception {
    KeycloakServer keycloak = KeycloakServer.fromSystemProperties();
    realm = RealmFile.read(keycloak.realmFile());
    admin = new KeycloakAdmin(keycloak, realm.realm());
    DemoPaths built = DemoPaths.fromSystemProperties();
    workDir = Path.of(System.getProperty("keycloak.e2e.work-dir", "target/keycloak-e2e"));
    System.out.printf("Keycloak %s ready in %d s%n", keycloak.url(), keycloak.readySeconds());
    stack =
        KeycloakStack.start(
            new DemoPaths(built.war(), built.payaraMicro(), built.payaraConfig(), workDir),
            keycloak,
            realm,
            admin);
    List<String> names = new ArrayList<>(List.of("burst-user", "staggered-user", "naive-user"));
    for (int i = 1; i <= MANY_USERS; i++) {
      names.add(String.format("many-user-%02d", i));
    }
    names.add("revoked-user");
    sessions = new UserSessions(admin, app());
    sessions.createAndLogIn(names);
    // The revoked user's second browser: Keycloak's logout must end both.
    sessions.logInAgain("revoked-user", "revoked-user-2");
    for (int i = 1; i <= MANY_USERS; i++) {
      many.add(sessions.get(String.format("many-user-%02d", i)));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (workDir != null) {
        report.publish(workDir.resolve("keycloak-e2e-results.md"));
      }
    } finally {
      if (stack != null) {
        stack.close();
      }
    }
  }

  @Test
  @Order(1)
  void burstAfterExpiry_200Requests_keycloakSeesOneRefresh_andTheSessionStaysAlive()
      throws Exception {
    Session s = sessions.get("burst-user");
    awaitExpiry(s.loginExp());
    Observation before = observe();

    Burst.Result burst = Burst.fire(s.browser(), app(), BURST);

    Observation after = observe();
    report.add(ScenarioNumbers.of("1 burst after expiry", 1, burst, before, after, lost(s)));
    assertOneRefreshAndAlive(s, burst, before, after);
    assertThat(after.metricSince(before, IDP_CALLS)).isEqualTo(1);
    rememberRefreshedExpiry(s);
  }

  @Test
  @Order(2)
  void staggeredBursts_readingOldTokensDuringAndJustAfterTheRefresh_causeNoReuseAtKeycloak()
      throws Exception {
    Session s = sessions.get("staggered-user");
    awaitExpiry(s.loginExp());
    Observation before = observe();

    Burst.Result burst = StaggeredBurst.fire(s.browser(), app(), 7, 25, 15);

    Observation after = observe();
    report.add(ScenarioNumbers.of("2 staggered waves", 1, burst, before, after, lost(s)));
    assertOneRefreshAndAlive(s, burst, before, after);
    rememberRefreshedExpiry(s);
  }

  @Test
  @Order(3)
  void manySessionsExpiringTogether_50Users20RequestsEach_oneRefreshPerSessionAtKeycloak()
      throws Exception {
    awaitExpiry(many.stream().mapToLong(Session::loginExp).max().orElseThrow());
    Observation before = observe();
    AtomicInteger next = new AtomicInteger();
    URI app = app();

    Burst.Result burst =
        Burst.fire(
            MANY_USERS * PER_USER,
            () -> many.get(next.getAndIncrement() % MANY_USERS).browser().me(app));

    Observation after = observe();
    int lost = 0;
    for (Session s : many) {
      lost += lost(s);
    }
    report.add(ScenarioNumbers.of("3 many sessions", MANY_USERS, burst, before, after, lost));
    assertThat(burst.successes()).as("answered 200").isEqualTo(MANY_USERS * PER_USER);
    assertThat(after.refusalsSince(before)).as("refreshes Keycloak refused").isZero();
    for (Session s : many) {
      assertThat(after.refreshesSince(before, s.userId()))
          .as("Keycloak's refreshes of %s", s.username())
          .isEqualTo(1);
    }
    assertThat(lost).as("sessions lost at Keycloak").isZero();
    assertThat(after.metricSince(before, IDP_CALLS)).isEqualTo(MANY_USERS);
  }

  @Test
  @Order(4)
  void negativeControl_theSameBurstWithoutCoalescing_losesTheSessionAtKeycloak() throws Exception {
    Session s = sessions.get("naive-user");
    awaitExpiry(s.loginExp());
    Observation before = observe();
    URI naive = app().resolve("naive/me");

    Burst.Result burst = Burst.fire(BURST, () -> s.browser().json(naive));

    Observation after = observe();
    report.add(
        ScenarioNumbers.of("4 negative control: no coalescing", 1, burst, before, after, lost(s)));
    System.out.println(
        "KEYCLOAK-E2E negative control: Keycloak's refusals " + after.keycloak().errorReasons());
    assertThatThrownBy(() -> assertOneRefreshAndAlive(s, burst, before, after))
        .as("the assertion of scenarios 1 and 2 catches the naive behaviour")
        .isInstanceOf(AssertionError.class);
    assertThat(after.refusalsSince(before)).as("refresh-token reuse Keycloak refused").isPositive();
    assertThat(lost(s)).as("Keycloak removed the client session").isEqualTo(1);
    // The tokens of the one accepted call expire by then; the last scenario tries them.
    naiveTokensExpireBy = System.currentTimeMillis() / 1000 + realm.accessTokenLifespanSeconds();
  }

  @Test
  @Order(5)
  void sessionRevokedAtKeycloak_backChannelLogoutEndsBothSessionsWithinASecond_noKeycloakCall()
      throws Exception {
    Session s = sessions.get("revoked-user");
    Session navigator = sessions.get("revoked-user-2");
    awaitExpiry(Math.max(s.loginExp(), navigator.loginExp()));
    Observation before = observe();
    long signedOut = System.nanoTime();
    admin.logout(s.userId());
    // Keycloak calls the example's back-channel logout endpoint for each of the user's sessions
    long endedAfterMillis = -1;
    while (System.nanoTime() - signedOut < Duration.ofSeconds(1).toNanos()) {
      if (navigator.browser().me(app()).status() == 401) {
        endedAfterMillis = Duration.ofNanos(System.nanoTime() - signedOut).toMillis();
        break;
      }
    }

    Burst.Result burst = Burst.fire(s.browser(), app(), REVOKED_BURST);
    Observation after = observe();
    report.add(
        ScenarioNumbers.of(
            "5 signed out at Keycloak, back-channel logout (expected: ended, no refresh)",
            2,
            burst,
            before,
            after,
            2 * lost(s)));
    System.out.printf(
        "KEYCLOAK-E2E 5 back-channel logout: the session was gone %d ms after the admin sign-out%n",
        endedAfterMillis);
    assertThat(endedAfterMillis).as("ms until the session was gone").isBetween(0L, 1000L);
    assertThat(burst.statuses()).as("answers by status").containsOnlyKeys(401);
    assertThat(navigator.browser().me(app()).error()).isEqualTo("login_required");
    assertThat(after.refreshesSince(before)).isZero();
    assertThat(after.refusalsSince(before))
        .as("the ended sessions never presented their expired tokens to Keycloak")
        .isZero();
    assertThat(after.metricSince(before, "token_refresh_breaker_trips_total")).isZero();
    assertThat(PrometheusText.value(after.metrics(), "token_refresh_breaker_state"))
        .as("breaker state (0: closed)")
        .isZero();
  }

  /**
   * Last, so that the waits for the refreshed tokens to expire overlap the other scenarios: the
   * sessions of scenarios 1 and 2 refresh once more through the example (their sessions survived at
   * Keycloak), while the negative control's session is logged out: even the refresh token its one
   * accepted call obtained is refused.
   */
  @Test
  @Order(6)
  void laterRequests_sessionsKeptByTheModuleRefreshAgain_whileTheNaiveSessionIsLoggedOut()
      throws Exception {
    Session burst = sessions.get("burst-user");
    Session staggered = sessions.get("staggered-user");
    Session naive = sessions.get("naive-user");
    assertThat(refreshedExp).containsKeys(burst.username(), staggered.username());
    awaitExpiry(Math.max(naiveTokensExpireBy, Collections.max(refreshedExp.values())));
    Observation before = observe();

    Browser.Me burstLater = burst.browser().me(app());
    Browser.Me staggeredLater = staggered.browser().me(app());
    Browser.Me naiveLater = naive.browser().me(app());

    Observation after = observe();
    for (Browser.Me later : List.of(burstLater, staggeredLater)) {
      assertThat(later.status()).as("a later refresh through the example").isEqualTo(200);
      assertThat(later.refreshes()).isEqualTo(2);
    }
    assertThat(burstLater.exp()).isGreaterThan(refreshedExp.get(burst.username()));
    assertThat(staggeredLater.exp()).isGreaterThan(refreshedExp.get(staggered.username()));
    assertThat(naiveLater.status()).as("the negative control's user is logged out").isEqualTo(401);
    assertThat(naiveLater.error()).isEqualTo("session_expired");
    assertThat(after.refreshesSince(before, burst.userId())).isEqualTo(1);
    assertThat(after.refreshesSince(before, staggered.userId())).isEqualTo(1);
    assertThat(after.refreshesSince(before)).isEqualTo(2);
    assertThat(after.refusalsSince(before)).as("only the naive session's refresh").isEqualTo(1);
    System.out.printf(
        "KEYCLOAK-E2E 6 later refresh: scenarios 1 and 2 sessions refreshed again (Keycloak: +%d,"
            + " refusals +%d: the negative control's session, logged out with HTTP %d)%n",
        after.refreshesSince(before), after.refusalsSince(before), naiveLater.status());
  }

  /** The assertion every "one refresh" scenario makes; the negative control shows it can fail. */
  private static void assertOneRefreshAndAlive(
      Session s, Burst.Result burst, Observation before, Observation after) throws Exception {
    assertThat(burst.successes()).as("answered 200").isEqualTo(burst.requests());
    assertThat(after.refreshesSince(before)).as("refreshes Keycloak answered").isEqualTo(1);
    assertThat(after.refusalsSince(before)).as("refreshes Keycloak refused").isZero();
    assertThat(lost(s)).as("sessions lost at Keycloak").isZero();
  }

  /** The expiry of the session's refreshed token, for the last scenario. */
  private static void rememberRefreshedExpiry(Session s) throws Exception {
    Browser.Me now = s.browser().me(app());
    assertThat(now.status()).isEqualTo(200);
    assertThat(now.refreshes()).isEqualTo(1);
    refreshedExp.put(s.username(), now.exp());
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
    return Observation.take(admin, stack.payara().metrics());
  }

  private static URI app() {
    return stack.app();
  }
}
