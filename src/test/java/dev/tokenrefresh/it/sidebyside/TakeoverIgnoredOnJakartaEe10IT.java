package dev.tokenrefresh.it.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.ContainerIT;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.TestApp;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The takeover WAR ({@code token-refresh.builtin-oidc.takeover=true}) on Payara 6, which has
 * Jakarta Security 3.0: the key is ignored (one WARNING), the application deploys and its built-in
 * client works as without the module, refreshing an expired session by itself.
 */
@EnabledIfSystemProperty(named = "it.side-by-side", matches = "true")
@EnabledIfSystemProperty(named = "it.container", matches = "payara")
class TakeoverIgnoredOnJakartaEe10IT extends ContainerIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BuiltInDeployment.withTakeover("takeover-on-ee10.war", 20);
  }

  @ArquillianResource URL base;

  @Test
  void takeoverKey_onJakartaSecurity30_deploys_andTheBuiltInClientRefreshesAsBefore() {
    MockIdp.shared().reset();
    BuiltInUser user = BuiltInUser.login(new TestApp(base));
    String before = user.echo().body();
    user.waitPastExpiry();

    HttpResponse<String> r = user.echo();

    assertThat(r.statusCode()).as("status of %s", r.body()).isEqualTo(200);
    assertThat(r.body()).as("refreshed by the built-in client").isNotEqualTo(before);
    assertThat(MockIdp.shared().refreshCalls()).isEqualTo(1);
  }
}
