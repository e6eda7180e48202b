package dev.tokenrefresh.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Http;
import dev.tokenrefresh.it.support.TestApp;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * With {@code WEB-INF/payara-web.xml}'s {@code <class-loader delegate="false"/>} (every test WAR
 * has it) the module runs with the WAR's own nimbus-jose-jwt and json-smart, on every server: its
 * start-up check finds no mix. Without the file: {@link NimbusOriginIT}.
 */
interface NimbusOriginScenarios {

  TestApp app();

  @Test
  default void withPayaraWebXml_theWarsOwnNimbusIsUsed() {
    assertThat(verdict(app())).isEqualTo("none");
  }

  /** The module's check evaluated inside the deployment of {@code app}. */
  static String verdict(TestApp app) {
    return Http.send(HttpRequest.newBuilder(app.uri("/support/nimbus-origin"))).body();
  }
}
