package dev.tokenrefresh.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.List;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.junit.jupiter.api.Test;

/**
 * The detector's second reading of Payara Micro's deployment table, through the adapter's own
 * parser, on output as Payara Micro 6 prints it (taken from an IT run, colours removed).
 */
class FailedDeploymentDetectorTest {

  private static final String BOOT =
      """
      [2026-12-04T13:36:35.858+0000] [] [INFO] [] [PayaraMicro] [[
        {
          "Instance Configuration": {
              "Host": "localhost",
              "Http Port(s)": "8152",
              "Https Port(s)": "",
              "Instance Name": "Glorious-Char",
              "Instance Group": "MicroShoal",
              "Deployed": [
      """;

  private static final String APP =
      """
                  {
                      "Name": "token-refresh-it",
                      "Type": "war",
                      "Context Root": "/token-refresh-it",
                      "Mappings": {
                          "/echo": "dev.tokenrefresh.it.app.EchoServlet",
                          "/support/tokens": "dev.tokenrefresh.it.app.SessionTokensServlet",
                          "/": "default"
                      }
                  }
      """;

  private static final String END =
      """
              ]
          }
      }]]

      [2026-12-04T13:36:35.861+0000] [] [INFO] [] [PayaraMicro] Payara Micro 6.2025.10 (build 42)\
       ready in 6,284 (ms)
      """;

  private final PayaraMicroDeployableContainer adapter = new PayaraMicroDeployableContainer();

  @Test
  void aCompleteTable_isReadIntoTheDeploymentsHttpContext() {
    ProtocolMetaData metaData = noServletsYet();

    assertThat(FailedDeploymentDetector.Observer.reparsed(adapter, metaData, BOOT + APP + END))
        .isTrue();
    List<Servlet> servlets = context.getServlets();
    assertThat(servlets)
        .extracting(Servlet::getName)
        .containsExactlyInAnyOrder(
            "dev.tokenrefresh.it.app.EchoServlet",
            "dev.tokenrefresh.it.app.SessionTokensServlet",
            "default");
    assertThat(servlets).extracting(Servlet::getContextRoot).containsOnly("/token-refresh-it");
  }

  @Test
  void aTableCutBeforeItsEnd_asTheAdapterCanReadItUnderLoad_yieldsNoServlets() {
    ProtocolMetaData metaData = noServletsYet();

    assertThat(FailedDeploymentDetector.Observer.reparsed(adapter, metaData, BOOT + APP)).isFalse();
    assertThat(context.getServlets()).isEmpty();
  }

  @Test
  void aTableWithNoApplication_aFailedDeployment_staysAFailure() {
    ProtocolMetaData metaData = noServletsYet();

    assertThat(FailedDeploymentDetector.Observer.reparsed(adapter, metaData, BOOT + END)).isFalse();
  }

  @Test
  void outputWithoutATable_isNotReadAtAll() {
    ProtocolMetaData metaData = noServletsYet();

    assertThat(FailedDeploymentDetector.Observer.reparsed(adapter, metaData, "Exception"))
        .isFalse();
  }

  private final HTTPContext context = new HTTPContext("localhost", 8152);

  private ProtocolMetaData noServletsYet() {
    return new ProtocolMetaData().addContext(context);
  }
}
