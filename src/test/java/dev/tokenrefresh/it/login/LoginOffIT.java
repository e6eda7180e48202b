package dev.tokenrefresh.it.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.ContainerIT;
import dev.tokenrefresh.it.login.app.WhoAmIServlet;
import dev.tokenrefresh.it.login.off.HeaderMechanism;
import dev.tokenrefresh.it.support.Http;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * An application with the jar, its own authentication mechanism and the login key off (the
 * default): it deploys (a second mechanism bean would make it ambiguous), keeps its own behaviour,
 * and has none of the login's endpoints.
 */
class LoginOffIT extends ContainerIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return deployment("token-refresh-login-off.war")
        .addPackage(WhoAmIServlet.class.getPackage())
        .addPackage(HeaderMechanism.class.getPackage());
  }

  @ArquillianResource URL base;

  @Test
  void loginOff_theApplicationsOwnMechanismAuthenticates_noRedirectToTheProvider()
      throws URISyntaxException {
    Browser browser = new Browser(base.toURI());
    HttpResponse<String> navigation = browser.navigate("/secure/whoami");
    assertThat(navigation.statusCode())
        .as("the app's own 401, not a login redirect")
        .isEqualTo(401);
    assertThat(navigation.headers().firstValue("Location")).isEmpty();

    HttpResponse<String> own =
        Http.send(
            HttpRequest.newBuilder(base.toURI().resolve("secure/whoami"))
                .header("X-Test-User", "bob")
                .GET());
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("name=bob").contains("user=true").contains("csrf=\n");
  }

  @Test
  void loginOff_noLoginEndpoints() throws URISyntaxException {
    Browser browser = new Browser(base.toURI());
    assertThat(browser.navigate("/oidc/callback?code=c&state=s").statusCode()).isEqualTo(404);
    // no such resource: Payara answers 404, WildFly's default servlet 405 to a POST
    assertThat(browser.post("/oidc/back-channel-logout", "logout_token=x").statusCode())
        .isIn(404, 405);
  }
}
