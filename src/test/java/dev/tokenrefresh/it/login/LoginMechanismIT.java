package dev.tokenrefresh.it.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.ContainerIT;
import dev.tokenrefresh.it.login.app.WhoAmIServlet;
import dev.tokenrefresh.it.login.rest.RolesResource;
import dev.tokenrefresh.it.support.Http;
import dev.tokenrefresh.it.support.MockIdp;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library's login mechanism ({@code token-refresh.login.enabled=true}) in a real server against
 * the mock provider (discovered from its issuer): login through the authorization-code flow, the
 * caller and groups in the container (servlet API, {@code SecurityContext}, a security constraint,
 * {@code @RolesAllowed} on Jakarta REST resources), one refresh on expiry, RP-initiated and
 * back-channel logout, and the bad inputs a server sees.
 */
class LoginMechanismIT extends ContainerIT {

  private static final String PAGE = "/secure/whoami";
  private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return deployment(
            "token-refresh-login.war",
            LoginDeployment.config(
                MockIdp.shared().loginIssuer(), Map.of("token-refresh.login.scope", "openid")))
        .addPackage(WhoAmIServlet.class.getPackage())
        .addPackage(RolesResource.class.getPackage())
        .setWebXML("war/login-web.xml");
  }

  @ArquillianResource URL base;

  private final MockIdp idp = MockIdp.shared();
  private Browser browser;

  @BeforeEach
  void newBrowser() throws URISyntaxException {
    idp.reset();
    browser = new Browser(base.toURI());
  }

  private String loggedIn() {
    HttpResponse<String> back = browser.login(PAGE);
    assertThat(back.statusCode()).as("callback: " + back.body()).isEqualTo(303);
    HttpResponse<String> page = browser.api(PAGE);
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  private static String field(String body, String name) {
    return body.lines()
        .filter(l -> l.startsWith(name + "="))
        .map(l -> l.substring(name.length() + 1))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void login_callerAndGroupsReachTheContainer_expiryRefreshesOnce_logoutEndsTheSession() {
    HttpResponse<String> toProvider = browser.navigate(PAGE + "?x=1");
    assertThat(toProvider.statusCode()).isEqualTo(302);
    URI authorize = Browser.location(toProvider);
    assertThat(authorize.toString())
        .startsWith(idp.loginIssuer().toString())
        .contains("code_challenge_method=S256", "state=", "nonce=");
    String before = browser.cookie();

    HttpResponse<String> back = browser.callback(authorize);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
    assertThat(Browser.location(back).toString()).endsWith(PAGE + "?x=1");
    assertThat(browser.cookie()).as("the session id changed at login").isNotEqualTo(before);

    String page = browser.api(PAGE).body();
    assertThat(field(page, "name")).isEqualTo(MockIdp.LOGIN_USER);
    assertThat(field(page, "caller")).isEqualTo(MockIdp.LOGIN_USER);
    assertThat(field(page, "user")).isEqualTo("true");
    assertThat(field(page, "callerInRoleUser")).isEqualTo("true");
    assertThat(field(page, "admin")).isEqualTo("false");
    assertThat(idp.refreshCalls()).isZero();

    assertThat(browser.post("/support/login/expire", "").statusCode()).isEqualTo(204);
    assertThat(browser.api(PAGE).statusCode())
        .as("expired: refreshed, not sent to login")
        .isEqualTo(200);
    assertThat(browser.api(PAGE).statusCode()).isEqualTo(200);
    assertThat(idp.refreshCalls()).as("one refresh for the expiry").isEqualTo(1);

    String csrf = field(page, "csrf");
    assertThat(browser.api("/oidc/logout").statusCode()).as("logout is POST only").isEqualTo(405);
    assertThat(browser.post("/oidc/logout", "").statusCode()).as("no CSRF token").isEqualTo(403);
    assertThat(browser.api(PAGE).statusCode()).as("still logged in").isEqualTo(200);
    HttpResponse<String> out = browser.post("/oidc/logout", "csrf=" + csrf);
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(Browser.location(out).toString())
        .startsWith(idp.loginIssuer().toString())
        .contains("id_token_hint=");
    assertThat(browser.api(PAGE).statusCode()).isEqualTo(401);
  }

  @Test
  void rolesAllowedOnRestResources_groupAdmits_roleTheUserLacksIs403_noSessionIs401() {
    String member = "/api/roles/user";
    String admin = "/api/roles/admin";
    HttpResponse<String> anonymous = browser.api(member);
    assertThat(anonymous.statusCode()).as("no session: " + anonymous.body()).isEqualTo(401);
    assertThat(anonymous.body()).isEqualTo("{\"error\":\"login_required\"}");
    assertThat(new Browser(browserBase()).navigate(admin).statusCode()).isEqualTo(302);

    loggedIn();
    HttpResponse<String> inGroup = browser.api(member);
    assertThat(inGroup.statusCode()).as(inGroup.body()).isEqualTo(200);
    assertThat(inGroup.body()).isEqualTo("{\"caller\":\"" + MockIdp.LOGIN_USER + "\"}");
    // the security constraint admits both roles: only the REST runtime's enforcement says 403
    HttpResponse<String> notInGroup = browser.api(admin);
    assertThat(notInGroup.statusCode()).as(notInGroup.body()).isEqualTo(403);
    assertThat(notInGroup.body()).doesNotContain(MockIdp.LOGIN_USER);
  }

  @Test
  void apiCallWithoutSession_is401_navigationIsRedirected() {
    HttpResponse<String> api = browser.api(PAGE);
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.body()).isEqualTo("{\"error\":\"login_required\"}");
    assertThat(browser.navigate(PAGE).statusCode()).isEqualTo(302);
  }

  @Test
  void callback_reusedForeignOrUnsolicited_is400_andNoStore() {
    HttpResponse<String> toProvider = browser.navigate(PAGE);
    URI authorize = Browser.location(toProvider);
    HttpResponse<String> atProvider = Http.send(HttpRequest.newBuilder(authorize).GET());
    URI callback = Browser.location(atProvider);

    HttpResponse<String> forged =
        browser.navigateTo(
            URI.create(callback.toString().replaceAll("state=[^&]+", "state=forged")));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).isEqualTo("{\"error\":\"invalid_state\"}");
    assertThat(forged.headers().firstValue("Cache-Control")).contains("no-store");

    HttpResponse<String> replayed = browser.navigateTo(callback);
    assertThat(replayed.statusCode()).as("the pending login was used up").isEqualTo(400);
    assertThat(replayed.body()).isEqualTo("{\"error\":\"no_login_in_progress\"}");

    HttpResponse<String> unsolicited = new Browser(callback.resolve("/")).navigateTo(callback);
    assertThat(unsolicited.statusCode()).isEqualTo(400);
  }

  @Test
  void backChannelLogout_endsTheSession_nextRequest401_withoutAProviderCall() {
    loggedIn();
    assertThat(browser.post("/support/login/expire", "").statusCode()).isEqualTo(204);
    String token =
        idp.logoutToken(Map.of("events", Map.of(EVENT, Map.of()), "sid", MockIdp.LOGIN_SID));
    String form = "logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);

    HttpResponse<String> accepted =
        new Browser(browserBase()).post("/oidc/back-channel-logout", form);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.headers().firstValue("Cache-Control")).contains("no-store");
    HttpResponse<String> replayed =
        new Browser(browserBase()).post("/oidc/back-channel-logout", form);
    assertThat(replayed.statusCode()).as("jti replayed").isEqualTo(400);
    assertThat(replayed.headers().firstValue("Cache-Control")).contains("no-store");

    assertThat(browser.api(PAGE).statusCode()).isEqualTo(401);
    assertThat(idp.refreshCalls()).as("the ended session never reached the provider").isZero();
  }

  @Test
  void backChannelLogout_badTokens_are400() {
    Browser provider = new Browser(browserBase());
    String noEvents = idp.logoutToken(Map.of("sid", MockIdp.LOGIN_SID));
    String withNonce =
        idp.logoutToken(Map.of("events", Map.of(EVENT, Map.of()), "sid", "s", "nonce", "n"));
    for (String token : new String[] {noEvents, withNonce, "not-a-jwt", "x".repeat(70_000)}) {
      HttpResponse<String> r =
          provider.post(
              "/oidc/back-channel-logout",
              "logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).isEqualTo("{\"error\":\"invalid_request\"}");
    }
  }

  private URI browserBase() {
    try {
      return base.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
