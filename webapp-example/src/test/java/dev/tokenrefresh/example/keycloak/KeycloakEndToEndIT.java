package dev.tokenrefresh.example.keycloak;

import static dev.tokenrefresh.example.keycloak.KeycloakFixture.BURST;
import static dev.tokenrefresh.example.keycloak.KeycloakFixture.IDP_CALLS;
import static dev.tokenrefresh.example.keycloak.KeycloakFixture.PER_USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.example.demo.Browser;
import dev.tokenrefresh.example.demo.Burst;
import dev.tokenrefresh.example.demo.PrometheusText;
import dev.tokenrefresh.example.keycloak.UserSessions.Session;
import java.net.URI;
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

  private static final int MANY_USERS = 50;
  private static final List<String> MANY = KeycloakFixture.numbered("many-user-%02d", MANY_USERS);
  private static final int REVOKED_BURST = 20;

  private static KeycloakFixture fixture;
  private static KeycloakStack stack;
  private static ScenarioMeter meter;
  private static UserSessions sessions;

  /** Scenarios 1 and 2: the expiry of each session's refreshed access token. */
  private static final Map<String, Long> refreshedExp = new ConcurrentHashMap<>();

  /** Scenario 4: when the tokens of the negative control's one accepted refresh expire. */
  private static long naiveTokensExpireBy;

  @BeforeAll
  static void start() throws Exception {
    fixture = KeycloakFixture.fromSystemProperties();
    System.out.printf(
        "Keycloak %s ready in %d s%n", fixture.server().url(), fixture.server().readySeconds());
    stack = KeycloakStack.start(fixture);
    meter = fixture.meterAt(stack.payara().metrics());
    List<String> names = new ArrayList<>(List.of("burst-user", "staggered-user", "naive-user"));
    names.addAll(MANY);
    names.add("revoked-user");
    sessions = new UserSessions(fixture.admin(), app());
    sessions.createAndLogIn(names);
    // The revoked user's second browser: Keycloak's logout must end both.
    sessions.logInAgain("revoked-user", "revoked-user-2");
  }

  @AfterAll
  static void stop() throws Exception {
    KeycloakFixture.publishThenClose(fixture, "keycloak-e2e-results.md", stack);
  }

  @Test
  @Order(1)
  void burstAfterExpiry_200Requests_keycloakSeesOneRefresh_andTheSessionStaysAlive()
      throws Exception {
    Session s = sessions.get("burst-user");

    ScenarioRun run =
        meter.measure("1 burst after expiry", s, () -> Burst.fire(s.browser(), app(), BURST));

    fixture.assertOneRefreshAndAlive(s, run);
    assertThat(run.metric(IDP_CALLS)).isEqualTo(1);
    rememberRefreshedExpiry(s);
  }

  @Test
  @Order(2)
  void staggeredBursts_readingOldTokensDuringAndJustAfterTheRefresh_causeNoReuseAtKeycloak()
      throws Exception {
    Session s = sessions.get("staggered-user");

    ScenarioRun run =
        meter.measure(
            "2 staggered waves", s, () -> StaggeredBurst.fire(s.browser(), app(), 7, 25, 15));

    fixture.assertOneRefreshAndAlive(s, run);
    rememberRefreshedExpiry(s);
  }

  @Test
  @Order(3)
  void manySessionsExpiringTogether_50Users20RequestsEach_oneRefreshPerSessionAtKeycloak()
      throws Exception {
    List<Session> many = sessions.get(MANY);
    AtomicInteger next = new AtomicInteger();
    URI app = app();

    ScenarioRun run =
        meter.measure(
            "3 many sessions",
            many,
            () ->
                Burst.fire(
                    MANY_USERS * PER_USER,
                    () -> many.get(next.getAndIncrement() % MANY_USERS).browser().me(app)));

    fixture.assertOneRefreshPerSession(many, run);
    assertThat(run.metric(IDP_CALLS)).isEqualTo(MANY_USERS);
  }

  @Test
  @Order(4)
  void negativeControl_theSameBurstWithoutCoalescing_losesTheSessionAtKeycloak() throws Exception {
    Session s = sessions.get("naive-user");
    URI naive = app().resolve("naive/me");

    ScenarioRun run =
        meter.measure(
            "4 negative control: no coalescing",
            s,
            () -> Burst.fire(BURST, () -> s.browser().json(naive)));

    System.out.println(
        "KEYCLOAK-E2E negative control: Keycloak's refusals "
            + run.after().keycloak().errorReasons());
    fixture.assertCaughtByOneRefreshAndAlive(
        s, run, "the assertion of scenarios 1 and 2 catches the naive behaviour");
    assertThat(run.refusals()).as("refresh-token reuse Keycloak refused").isPositive();
    assertThat(fixture.lost(s)).as("Keycloak removed the client session").isEqualTo(1);
    // The tokens of the one accepted call expire by then; the last scenario tries them.
    naiveTokensExpireBy =
        System.currentTimeMillis() / 1000 + fixture.realm().accessTokenLifespanSeconds();
  }

  @Test
  @Order(5)
  void sessionRevokedAtKeycloak_backChannelLogoutEndsBothSessionsWithinASecond_noKeycloakCall()
      throws Exception {
    Session s = sessions.get("revoked-user");
    Session navigator = sessions.get("revoked-user-2");
    KeycloakFixture.awaitExpiry(Math.max(s.loginExp(), navigator.loginExp()));
    Observation before = meter.observe();
    long signedOut = System.nanoTime();
    fixture.admin().logout(s.userId());
    // Keycloak calls the example's back-channel logout endpoint for each of the user's sessions
    long endedAfterMillis = -1;
    while (System.nanoTime() - signedOut < Duration.ofSeconds(1).toNanos()) {
      if (navigator.browser().me(app()).status() == 401) {
        endedAfterMillis = Duration.ofNanos(System.nanoTime() - signedOut).toMillis();
        break;
      }
    }

    Burst.Result burst = Burst.fire(s.browser(), app(), REVOKED_BURST);
    Observation after = meter.observe();
    fixture
        .report()
        .add(
            ScenarioNumbers.of(
                "5 signed out at Keycloak, back-channel logout (expected: ended, no refresh)",
                2,
                burst,
                before,
                after,
                2 * fixture.lost(s)));
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
    KeycloakFixture.awaitExpiry(
        Math.max(naiveTokensExpireBy, Collections.max(refreshedExp.values())));
    Observation before = meter.observe();

    Browser.Me burstLater = burst.browser().me(app());
    Browser.Me staggeredLater = staggered.browser().me(app());
    Browser.Me naiveLater = naive.browser().me(app());

    Observation after = meter.observe();
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

  /** The expiry of the session's refreshed token, for the last scenario. */
  private static void rememberRefreshedExpiry(Session s) throws Exception {
    Browser.Me now = s.browser().me(app());
    assertThat(now.status()).isEqualTo(200);
    assertThat(now.refreshes()).isEqualTo(1);
    refreshedExp.put(s.username(), now.exp());
  }

  private static URI app() {
    return stack.app();
  }
}
