package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.demo.DemoPaths;
import dev.tokenrefresh.example.demo.ExampleServer;
import dev.tokenrefresh.example.demo.FreePort;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The example on Payara Micro, pointed at the running Keycloak: the client's callback registered
 * for this run's port, the issuer and client id as system properties, the client secret as an
 * environment variable (as the README advises), and {@code /naive} excluded from the module's
 * filter for the negative control. Closing stops Payara; Keycloak belongs to the build. Not
 * thread-safe.
 */
public final class KeycloakStack implements AutoCloseable {

  private final ExampleServer payara;

  private KeycloakStack(ExampleServer payara) {
    this.payara = payara;
  }

  /**
   * Builds the WAR with the negative control, registers its address at Keycloak and starts it.
   *
   * @param fixture the running Keycloak, its realm and the suite's work directory
   */
  public static KeycloakStack start(KeycloakFixture fixture)
      throws IOException, InterruptedException {
    DemoPaths paths = fixture.paths();
    Path war =
        NaiveRefreshWar.build(
            paths.war(), paths.workDir().resolve("token-refresh-example-naive-control.war"));
    int port = FreePort.any();
    URI app = URI.create("http://127.0.0.1:" + port + ExampleServer.CONTEXT_ROOT + "/");
    fixture.admin().registerApp(fixture.realm().clientId(), app);
    Map<String, String> config = fixture.moduleConfig();
    config.put("token-refresh.exclude-paths", "/login,/callback,/logout,/naive");
    config.put("token-refresh.login.post-logout-redirect-uris", app.toString());
    ExampleServer payara =
        ExampleServer.start(
            new DemoPaths(war, paths.payaraMicro(), paths.payaraConfig(), paths.workDir()),
            port,
            config,
            Map.of("TOKEN_REFRESH_OIDC_CLIENT_SECRET", fixture.realm().clientSecret()));
    return new KeycloakStack(payara);
  }

  /** The example's start page. */
  public URI app() {
    return payara.app();
  }

  /** The server. */
  public ExampleServer payara() {
    return payara;
  }

  @Override
  public void close() {
    payara.close();
  }
}
