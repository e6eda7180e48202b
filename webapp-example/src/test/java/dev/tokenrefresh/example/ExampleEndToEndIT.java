package dev.tokenrefresh.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.example.demo.Browser;
import dev.tokenrefresh.example.demo.BurstReport;
import dev.tokenrefresh.example.demo.BurstScenario;
import dev.tokenrefresh.example.demo.DemoPaths;
import dev.tokenrefresh.example.demo.DemoStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example end to end, as a user runs it: the built WAR on Payara Micro started with {@code
 * payara-config/}, mock-oauth2-server as the provider, and a browserless client that logs in
 * through the real authorization-code flow. One Payara boot serves every test.
 */
class ExampleEndToEndIT {

  private static final int BURST = 100;

  private static DemoStack stack;

  @BeforeAll
  static void start() throws Exception {
    int expiry = Integer.getInteger("demo.token-expiry-seconds", 10);
    stack =
        DemoStack.start(
            DemoPaths.fromSystemProperties(),
            new DemoStack.Settings(0, 0, Duration.ofSeconds(expiry), Duration.ofSeconds(1)),
            grant -> {});
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void apiMe_withoutLogin_answers401AndPointsToLogin() throws Exception {
    Browser.Me me = new Browser().me(stack.app());

    assertThat(me.status()).isEqualTo(401);
    assertThat(me.error()).isEqualTo("login_required");
  }

  @Test
  void callback_withAnotherLoginsState_isRejectedWithoutRedeemingTheCode() throws Exception {
    Browser browser = new Browser(HttpClient.Redirect.NEVER);
    HttpResponse<String> toProvider = browser.get(stack.app().resolve("login"));
    URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.getQuery())
        .contains("code_challenge_method=S256", "state=", "nonce=", "code_challenge=");
    int codesRedeemed = stack.idp().tokenCalls("authorization_code");

    HttpResponse<String> callback =
        browser.get(stack.app().resolve("callback?code=stolen&state=not-this-login"));

    assertThat(callback.statusCode()).isEqualTo(400);
    assertThat(callback.body()).contains("state_mismatch");
    assertThat(stack.idp().tokenCalls("authorization_code")).isEqualTo(codesRedeemed);
  }

  @Test
  void burstAfterExpiry_isServedWithOneRefresh_andLogoutEndsTheSession() throws Exception {
    Browser browser = new Browser();

    BurstScenario.Outcome outcome = BurstScenario.run(stack, browser, BURST, System.out);
    System.out.print(BurstReport.format(outcome));

    assertThat(outcome.before().refreshes()).isZero();
    assertThat(outcome.burst().successes()).isEqualTo(BURST);
    assertThat(outcome.idpRefreshCalls()).as("refresh calls seen by the provider").isEqualTo(1);
    assertThat(outcome.metricDelta("token_refresh_idp_calls_total")).isEqualTo(1.0);
    assertThat(outcome.after().status()).isEqualTo(200);
    assertThat(outcome.after().refreshes()).isEqualTo(1);
    assertThat(outcome.after().sub()).isEqualTo(outcome.before().sub());
    assertThat(outcome.after().exp()).isGreaterThan(outcome.before().exp());

    HttpResponse<String> loggedOut = browser.get(stack.app().resolve("logout"));
    assertThat(loggedOut.uri()).isEqualTo(stack.app());
    assertThat(browser.me(stack.app()).status()).isEqualTo(401);
  }
}
