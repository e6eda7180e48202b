package dev.tokenrefresh.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.example.browser.ExamplePage;
import dev.tokenrefresh.example.browser.HeadlessChromium;
import dev.tokenrefresh.example.demo.Browser;
import dev.tokenrefresh.example.demo.BurstReport;
import dev.tokenrefresh.example.demo.BurstScenario;
import dev.tokenrefresh.example.demo.DemoPaths;
import dev.tokenrefresh.example.demo.DemoStack;
import dev.tokenrefresh.example.demo.PrometheusText;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example end to end, as a user runs it: the built WAR on Payara Micro started with {@code
 * payara-config/}, mock-oauth2-server as the provider, and a browserless client that logs in
 * through the real authorization-code flow, and a real browser (Debian's headless Chromium) that
 * uses the page as a person would. One Payara boot serves every test.
 */
class ExampleEndToEndIT {

  private static final int BURST = 100;

  private static DemoStack stack;
  private static Duration expiry;

  @BeforeAll
  static void start() throws Exception {
    expiry = Duration.ofSeconds(Integer.getInteger("demo.token-expiry-seconds", 10));
    stack =
        DemoStack.start(
            DemoPaths.fromSystemProperties(),
            new DemoStack.Settings(0, 0, expiry, Duration.ofSeconds(1)),
            grant -> {});
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * The example's {@code WEB-INF/payara-web.xml} ({@code <class-loader delegate="false"/>}) keeps
   * Payara's own nimbus-jose-jwt and json-smart out of the WAR, so the module warns of no mix (the
   * warning itself: {@code NimbusOriginTest} in the library).
   */
  @Test
  void payaraWebXml_makesTheWarsNimbusWin_soNoMixIsWarned() throws Exception {
    String log = Files.readString(stack.payara().log(), StandardCharsets.UTF_8);

    assertThat(log).contains("token-refresh-filter started");
    assertThat(log).doesNotContain("another class loader's copy");
  }

  /**
   * The WAR names no executor; {@code payara-config/jvm-options.txt} names the two that {@code
   * post-boot-commands.asadmin} creates, so the module runs on those, not on the defaults.
   */
  @Test
  void payaraConfig_namesTheDedicatedExecutors_soTheDefaultsAreNotUsed() throws Exception {
    String log = Files.readString(stack.payara().log(), StandardCharsets.UTF_8);

    assertThat(log).contains("token-refresh-filter started");
    assertThat(log).doesNotContain("runs on the server's default managed executors");
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
    assertThat(callback.body()).contains("invalid_state");
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
    assertThat(outcome.metricDelta(PrometheusText.counter(MetricNames.IDP_CALLS))).isEqualTo(1.0);
    assertThat(outcome.after().status()).isEqualTo(200);
    assertThat(outcome.after().refreshes()).isEqualTo(1);
    assertThat(outcome.after().sub()).isEqualTo(outcome.before().sub());
    assertThat(outcome.after().exp()).isGreaterThan(outcome.before().exp());

    assertThat(browser.get(stack.app().resolve("logout")).statusCode())
        .as("no GET logout (a cross-site link could end the session)")
        .isEqualTo(405);
    assertThat(browser.me(stack.app()).status()).isEqualTo(200);
    HttpResponse<String> loggedOut = browser.logout(stack.app());
    assertThat(loggedOut.uri()).isEqualTo(stack.app());
    assertThat(browser.me(stack.app()).status()).isEqualTo(401);
  }

  @Test
  void pageInChromium_afterExpiry_burstShowsOneRefreshAndTheModulesCounts_thenLogsOut() {
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      ExamplePage page = new ExamplePage(chromium.driver(), stack.app());
      page.logIn();
      assertThat(page.countdown()).startsWith("in ");
      page.awaitExpiry(expiry.plusSeconds(10));
      int refreshCallsBefore = stack.idp().tokenCalls("refresh_token");

      ExamplePage.Result result = page.fireBurst(BURST);

      assertThat(result).isEqualTo(new ExamplePage.Result(BURST, 1, BURST + "× HTTP 200"));
      assertThat(stack.idp().tokenCalls("refresh_token") - refreshCallsBefore)
          .as("refresh calls seen by the provider")
          .isEqualTo(1);
      ExamplePage.ModuleCounts module = page.moduleCounts();
      assertThat(module.idpCalls()).isEqualTo(1);
      assertThat(module.needed())
          .as("each request that needed a refresh coalesced, was replayed, or led the one call")
          .isEqualTo(module.coalesced() + module.graceReplays() + module.idpCalls())
          .isBetween(1, BURST);
      assertThat(page.refreshes()).isEqualTo("1");
      page.awaitValidToken(Duration.ofSeconds(2));

      page.logOut();
    }
  }

  @Test
  void pageInChromium_at390PixelsWide_doesNotScrollSideways_andUsesOneFontSize() {
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      ExamplePage page = new ExamplePage(chromium.driver(), stack.app());
      page.logIn();
      chromium.emulateViewport(390, 844);
      page.reload();

      assertThat(page.script("return window.innerWidth;")).isEqualTo(390L);
      assertThat(page.scrollsSideways()).as("sideways scroll at 390 px").isFalse();
      assertThat(page.fontSize("#burst button")).isEqualTo(page.fontSize("body"));
      assertThat(page.fontSize("#count")).isEqualTo(page.fontSize("body"));
      assertThat(page.iconHref()).as("an inline icon: no /favicon.ico request").startsWith("data:");

      // Negative control: the check does catch a page wider than the viewport.
      page.script(
          "const d = document.createElement('div'); d.id = 'too-wide';"
              + " d.style.width = '600px'; d.style.height = '1px'; document.body.appendChild(d);");
      assertThat(page.scrollsSideways()).isTrue();
      page.script("document.getElementById('too-wide').remove();");

      page.logOut();
    }
  }
}
