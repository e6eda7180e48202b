package dev.tokenrefresh.it.sidebyside;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.BreakerScenarios;
import dev.tokenrefresh.it.SuspendedWaitersScenarios;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.UserSession;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The module's column of the side-by-side with Payara's built-in OpenID Connect client ({@link
 * PayaraBuiltInOidcSideBySideIT}; docs/side-by-side-payara-oidc.md): the same two scenarios, the
 * same provider stub, the module's test WAR. Asserts the module's bounds; records the numbers for
 * the table. Runs with {@code -Dit.side-by-side=true}, on Payara only.
 */
@EnabledIfSystemProperty(named = "it.side-by-side", matches = "true")
// also when -Dit.test names it, which makes failsafe ignore the WildFly execution's excludes
@EnabledIfSystemProperty(named = "it.container", matches = "payara")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModuleSideBySideIT extends SideBySideColumnIT {

  private static final Map<String, String> COLUMN = new TreeMap<>();

  /**
   * The test WAR, with the refresh bounded more loosely than in the other container tests (6 s): on
   * a loaded 2-core machine the provider's 3 s answer to the 400-request burst has arrived after
   * more than 6 s, and scenario (a) is about waiting, not about the timeout. The built-in client
   * has no bound at all.
   */
  @Deployment(testable = false)
  static WebArchive deployment() {
    return deployment(
        "side-by-side-module.war",
        Map.of("token-refresh.oidc.read-timeout", "6s", "token-refresh.timeout", "15s"));
  }

  @AfterAll
  static void writeColumn() {
    SideBySideReport.save(SideBySideReport.MODULE, COLUMN);
  }

  @Test
  @Order(1)
  void slowRefresh_400Waiters_oneRefresh_noThreadsHeld_otherUserServed() {
    UserSession waiting = app().loginExpired();
    UserSession other = app().login(idp().login(), TestApp.VALID);

    Metrics before = app().metrics();

    SlowRefreshRun.Result r =
        SlowRefreshRun.run(
            app(),
            idp(),
            () -> waiting.get("/echo"),
            () -> app().metrics().counterSince(before, REQUESTS) >= SlowRefreshRun.WAITERS,
            () -> other.get("/echo"));
    SideBySideReport.put(COLUMN, r);
    COLUMN.put(
        "slow.all-arrived",
        r.allArrived() ? "yes, counted by its metrics" : "no, not within half the IdP delay");

    assertThat(r.statuses()).isEqualTo(Map.of("200", SlowRefreshRun.WAITERS));
    assertThat(r.otherStatuses()).isEqualTo(Map.of("200", SlowRefreshRun.OTHER_USER_REQUESTS));
    assertThat(r.refreshCalls()).as("refresh calls at the IdP").isEqualTo(1);
    assertThat(r.newTokens()).as("one new access token for all").isEqualTo(1);
    assertThat(r.busyWhileWaiting())
        .as("busy request threads while all waited")
        .isBetween(0, SuspendedWaitersScenarios.MAX_BUSY_WHILE_WAITING);
  }

  /** The provider answers 503 with a plain-text body, then with an OAuth 2.0 error body. */
  @ParameterizedTest
  @EnumSource(OutageRun.Reply.class)
  @Order(2)
  void idpDown_503_100Requests_reachItAtMostThresholdTimes_sessionKept_andRecovers(
      OutageRun.Reply reply) {
    UserSession session = app().loginExpired();

    OutageRun.Result r = OutageRun.run(idp(), reply, () -> session.get("/echo"));
    boolean kept = session.storedTokens().filter(session.login()::equals).isPresent();
    SideBySideReport.put(COLUMN, reply, r);

    idp().answerEveryRefresh(IdpStep.passThrough());
    long back = System.currentTimeMillis();
    Echo recovered = BreakerScenarios.pollUntilRefreshed(session);
    SideBySideReport.put(
        COLUMN,
        reply,
        kept ? "kept (tokens unchanged)" : "LOST",
        SideBySideReport.recovery(
            System.currentTimeMillis() - back, idp().refreshCalls() - r.idpCalls()));

    assertThat(r.idpCalls())
        .as("IdP calls: the breaker's threshold (plus one probe per open period outlasted)")
        .isBetween(1, r.breakerBound());
    assertThat(r.answers().keySet())
        .allMatch(k -> k.equals("503 idp_unavailable") || k.equals("503 circuit_open"));
    assertThat(kept).as("the session keeps its tokens").isTrue();
    assertThat(recovered.accessToken()).isNotEqualTo(session.login().accessToken());
  }
}
