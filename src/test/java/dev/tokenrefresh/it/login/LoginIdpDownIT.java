package dev.tokenrefresh.it.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.ContainerIT;
import dev.tokenrefresh.it.login.app.WhoAmIServlet;
import dev.tokenrefresh.it.support.LateDiscovery;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The login mechanism while its provider has not been discovered (it is down at deploy): the
 * application deploys, and a login is answered 503 {@code idp_not_ready} with {@code Retry-After},
 * as is a callback; no stack trace, no redirect.
 */
class LoginIdpDownIT extends ContainerIT {

  private static final LateDiscovery PROVIDER = LateDiscovery.reserve();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return deployment(
            "token-refresh-login-idp-down.war", LoginDeployment.config(PROVIDER.issuer(), Map.of()))
        .addPackage(WhoAmIServlet.class.getPackage());
  }

  @ArquillianResource URL base;

  @AfterAll
  static void stopProvider() {
    PROVIDER.close();
  }

  @Test
  void providerNotDiscovered_loginAndCallbackAre503WithRetryAfter() throws URISyntaxException {
    Browser browser = new Browser(base.toURI());
    for (HttpResponse<String> r :
        java.util.List.of(
            browser.navigate("/secure/whoami"),
            browser.navigate("/oidc/callback?code=c&state=s"))) {
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).isEqualTo("{\"error\":\"idp_not_ready\"}");
      assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 30L);
    }
  }
}
