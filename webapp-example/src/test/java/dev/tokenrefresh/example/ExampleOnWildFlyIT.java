package dev.tokenrefresh.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.example.demo.Browser;
import dev.tokenrefresh.example.demo.BurstReport;
import dev.tokenrefresh.example.demo.BurstScenario;
import dev.tokenrefresh.example.demo.DemoIdp;
import dev.tokenrefresh.example.demo.FreePort;
import dev.tokenrefresh.example.demo.WildFlyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The example's WAR, the very file the build made and {@link ExampleEndToEndIT} runs on Payara
 * Micro, deployed unchanged on a stock WildFly 39 ({@code standalone-microprofile.xml}, no CLI
 * script applied, no executor key anywhere): the module runs on the server's default managed
 * executors and a burst after expiry still makes one refresh. Only the provider's address is given
 * to the server, as a system property, as it is on Payara. One WildFly boot serves every test.
 */
@DisabledIfSystemProperty(named = "it.wildfly.skip", matches = "true")
class ExampleOnWildFlyIT {

  private static final int BURST = 50;

  private static DemoIdp idp;
  private static WildFlyServer wildfly;
  private static WildFlyServer.Deployment example;
  private static Path war;

  @BeforeAll
  static void start() throws Exception {
    war = Path.of(System.getProperty("demo.war"));
    Path work = Path.of(System.getProperty("demo.work-dir")).resolve("wildfly");
    Files.createDirectories(work);
    idp = DemoIdp.start(FreePort.any(), 10, grant -> {});
    wildfly =
        WildFlyServer.start(
            Path.of(System.getProperty("demo.wildfly-home")),
            work,
            Integer.getInteger("wildfly.port-offset", 1300),
            Map.of(
                "token-refresh.oidc.issuer",
                idp.issuer().toString(),
                "token-refresh.refresh-ahead",
                "1s",
                "token-refresh.login.post-logout-redirect-uris",
                "http://127.0.0.1:"
                    + (8080 + Integer.getInteger("wildfly.port-offset", 1300))
                    + "/token-refresh-example/"));
    example = wildfly.deploy(war);
    if (example.deployed()) {
      wildfly.awaitAnswer(wildfly.app(example).resolve("api/me"));
    }
  }

  @AfterAll
  static void stop() {
    try {
      if (wildfly != null) {
        wildfly.close();
      }
    } finally {
      if (idp != null) {
        idp.close();
      }
    }
  }

  @Test
  void theBuiltWar_deploysUnchanged_onTheServersDefaultExecutors() throws Exception {
    assertThat(example.failure()).isEmpty();
    assertThat(example.deployed()).isTrue();
    assertThat(sha256(wildfly.file(example)))
        .as("the deployed file is the built WAR")
        .isEqualTo(sha256(war));
    assertThat(entry(war, "WEB-INF/classes/META-INF/microprofile-config.properties"))
        .doesNotContainPattern("(?m)^token-refresh\\.(scheduled-)?executor=");
    assertThat(wildfly.logText())
        .contains(
            "token-refresh-filter runs on the server's default managed executors"
                + " (java:comp/DefaultManagedExecutorService"
                + " java:comp/DefaultManagedScheduledExecutorService)");
  }

  @Test
  void burstAfterExpiry_makesOneRefresh_andLogoutEndsTheSession() throws Exception {
    URI app = wildfly.app(example);
    Browser browser = new Browser();

    BurstScenario.Outcome outcome =
        BurstScenario.run(app, idp::tokenCallsByGrant, null, browser, BURST, System.out);
    System.out.print(BurstReport.format(outcome));

    assertThat(outcome.before().refreshes()).isZero();
    assertThat(outcome.expiredFor()).isPositive();
    assertThat(outcome.burst().successes()).isEqualTo(BURST);
    assertThat(outcome.idpRefreshCalls()).as("refresh calls seen by the provider").isEqualTo(1);
    assertThat(outcome.after().refreshes()).isEqualTo(1);
    assertThat(outcome.after().sub()).isEqualTo(outcome.before().sub());
    assertThat(outcome.after().exp()).isGreaterThan(outcome.before().exp());

    browser.logout(app);
    assertThat(browser.me(app).status()).isEqualTo(401);
  }

  /**
   * Negative control of the first test: the same WAR with Payara's executor names in it (what the
   * README once told users to write) does fail on WildFly, and says what to run there.
   */
  @Test
  void theWarWithPayarasExecutorNames_failsAndNamesWildFlysScript() throws Exception {
    Path payaraKeys = war.resolveSibling("payara-keys.war");
    Files.copy(war, payaraKeys, StandardCopyOption.REPLACE_EXISTING);
    try (FileSystem zip = FileSystems.newFileSystem(payaraKeys)) {
      Files.writeString(
          zip.getPath("WEB-INF/classes/META-INF/microprofile-config.properties"),
          "\ntoken-refresh.executor=concurrent/tokenRefresh\n"
              + "token-refresh.scheduled-executor=concurrent/tokenRefreshTimers\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    }

    WildFlyServer.Deployment failed = wildfly.deploy(payaraKeys);

    assertThat(failed.deployed()).isFalse();
    assertThat(wildfly.logText())
        .contains(
            "token-refresh.executor names 'concurrent/tokenRefresh', which JNDI does not know")
        .contains("on WildFly run wildfly-config/executors.cli");
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static String entry(Path zipFile, String name) throws IOException {
    try (FileSystem zip = FileSystems.newFileSystem(zipFile)) {
      return Files.readString(zip.getPath(name), StandardCharsets.UTF_8);
    }
  }
}
