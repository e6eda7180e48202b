package dev.tokenrefresh.it.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.TestSettings;
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

/**
 * Payara's built-in OpenID Connect client ({@code @OpenIdAuthenticationMechanismDefinition(
 * tokenAutoRefresh = true)}, see {@code app/BuiltInOidcApplication}) in the two scenarios of {@link
 * ModuleSideBySideIT}, against the same provider stub, in a deployment (and so a Payara Micro) of
 * its own. Records its column and asserts only what it does robustly, as a check that the
 * measurement sees the difference: the waiting requests hold the request threads and delay another
 * user; a plain-text 503 makes one IdP call per request; a JSON 503 logs the user out.
 *
 * <p>Its users log in through the authorization-code flow; their tokens live {@link
 * MockIdp#BUILT_IN_TOKEN_LIFETIME}, so a session is expired by waiting that long; the other user's
 * live {@link TestApp#VALID}, as in the module's column.
 */
@EnabledIfSystemProperty(named = "it.side-by-side", matches = "true")
// also when -Dit.test names it, which makes failsafe ignore the WildFly execution's excludes
// Payara 6 and 7: on Payara 7 it is the negative control of PayaraBuiltInTakeoverSideBySideIT
@EnabledIfSystemProperty(named = "it.container", matches = "payara7?")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraBuiltInOidcSideBySideIT extends SideBySideColumnIT {

  private static final Map<String, String> COLUMN = new TreeMap<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BuiltInDeployment.create("side-by-side-built-in.war");
  }

  @AfterAll
  static void writeColumn() {
    SideBySideReport.save(SideBySideReport.BUILT_IN, COLUMN);
  }

  /**
   * Some requests of either session are answered 403 (authenticated, without the role) now and then
   * while the client refreshes under this load; they are counted, not asserted.
   */
  @Test
  @Order(1)
  void slowRefresh_400Waiters_holdTheRequestThreads() {
    SlowRefreshRun.Result r = SlowRefreshRun.runBuiltIn(app(), idp(), BuiltInUser.login(app()));
    SideBySideReport.putBuiltIn(COLUMN, r);

    assertThat(r.busyPeak())
        .as("busy request threads: the whole pool")
        .isGreaterThanOrEqualTo(r.poolThreads() * 9 / 10);
  }

  /**
   * A plain-text 503 is not JSON: the client fails to read it and answers 500, every time, so each
   * request, one after the other under the session's lock, makes its own call (100 of 100 in every
   * run so far); the session is not logged out.
   */
  @Test
  @Order(2)
  void idpDown_plainText503_100Requests_eachCallsIt_andFailsWith500() {
    OutageRun.Result r = outage(OutageRun.Reply.PLAIN_TEXT_503);

    assertThat(r.idpCalls())
        .as("IdP calls: more than the module's breaker allows")
        .isGreaterThan(TestSettings.BREAKER_FAILURE_THRESHOLD);
  }

  /**
   * A JSON 503: the first failed refresh logs the user out. Every request that was already waiting
   * for the session's lock makes one more call first; how many that is depends on how many had
   * arrived (19 to 81 calls so far), so the count is recorded, not asserted.
   */
  @Test
  @Order(3)
  void idpDown_json503_100Requests_logTheUserOut() {
    outage(OutageRun.Reply.JSON_503);

    assertThat(COLUMN.get(OutageRun.Reply.JSON_503.key + ".session")).startsWith("LOST");
  }

  private OutageRun.Result outage(OutageRun.Reply reply) {
    BuiltInUser session = BuiltInUser.login(app());
    session.waitPastExpiry();

    OutageRun.Result r = OutageRun.run(idp(), reply, session::echo);
    SideBySideReport.put(COLUMN, reply, r);
    // Asked only once the provider is back: with it still down, the question would refresh again.
    idp().answerEveryRefresh(IdpStep.passThrough());
    int before = idp().refreshCalls();
    boolean kept = session.loggedIn();
    SideBySideReport.put(
        COLUMN,
        reply,
        kept ? "kept" : "LOST (logged out)",
        kept
            ? "same session refreshed, " + (idp().refreshCalls() - before) + " more call(s)"
            : "the user must log in again");
    return r;
  }
}
