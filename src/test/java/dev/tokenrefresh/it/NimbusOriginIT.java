package dev.tokenrefresh.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.TestApp;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The test WAR without {@code WEB-INF/payara-web.xml}, asked inside the server where its Nimbus
 * classes came from: Payara 6 (like Payara 7, which ships the same nimbus-jose-jwt 10.5.0 and
 * json-smart in its runtime) hands the WAR its own copies beside the WAR's oauth2-oidc-sdk, and the
 * module's start-up check says so; WildFly gives plain WARs no Nimbus of its own. With the file:
 * {@link NimbusOriginScenarios}. Not run on Payara 7: each deployment there costs a server start of
 * its own, and its runtime jars are Payara 6's.
 */
@DisabledIfSystemProperty(
    named = "it.container",
    matches = "payara7",
    disabledReason = "Payara 7 ships the Nimbus jars of Payara 6, whose run answers the question")
class NimbusOriginIT extends ContainerIT {

  private static final boolean PAYARA = System.getProperty("it.container", "").startsWith("payara");

  @Deployment(testable = false)
  static WebArchive serverFirst() {
    WebArchive war = deployment("token-refresh-nimbus-server-first.war");
    war.delete("WEB-INF/payara-web.xml");
    return war;
  }

  @ArquillianResource URL base;

  @Test
  void withoutPayaraWebXml_payaraHandsTheWarItsOwnNimbus_andTheCheckNamesIt() {
    String verdict = NimbusOriginScenarios.verdict(new TestApp(base));

    if (PAYARA) {
      assertThat(verdict)
          .contains("oauth2-oidc-sdk 11.38.2 from ")
          .contains("nimbus-jose-jwt 10.5")
          .contains("WEB-INF/payara-web.xml with <class-loader delegate=\"false\"/>");
    } else {
      assertThat(verdict).isEqualTo("none");
    }
  }
}
