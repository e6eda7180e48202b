package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.demo.DemoPaths;
import dev.tokenrefresh.example.demo.ExampleServer;
import dev.tokenrefresh.example.demo.FreePort;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The example on Payara Micro, pointed at the running Keycloak: the client's callback registered
 * for this run's port, the issuer and client id as system properties, the client secret as an
 * environment variable (as the README advises), and {@code /naive} excluded from the module's
 * filter for the negative control. Closing stops Payara; Keycloak belongs to the build. Not
 * thread-safe.
 */
public final class KeycloakStack implements AutoCloseable {

  /** The module's refresh-ahead: refresh only once the token is (nearly) expired. */
  public static final Duration REFRESH_AHEAD = Duration.ofSeconds(1);

  private final ExampleServer payara;

  private KeycloakStack(ExampleServer payara) {
    this.payara = payara;
  }

  /**
   * Builds the WAR with the negative control, registers its address at Keycloak and starts it.
   *
   * @param paths the built WAR, Payara Micro, {@code payara-config/} and the work directory
   */
  public static KeycloakStack start(
      DemoPaths paths, KeycloakServer keycloak, RealmFile realm, KeycloakAdmin admin)
      throws IOException, InterruptedException {
    paths.requireBuilt();
    Path war =
        NaiveRefreshWar.build(
            paths.war(), paths.workDir().resolve("token-refresh-example-naive-control.war"));
    int port = FreePort.any();
    URI app = URI.create("http://127.0.0.1:" + port + ExampleServer.CONTEXT_ROOT + "/");
    admin.registerApp(realm.clientId(), app);
    Map<String, String> config = new LinkedHashMap<>();
    config.put("token-refresh.oidc.issuer", keycloak.issuer(realm.realm()).toString());
    config.put("token-refresh.oidc.client-id", realm.clientId());
    config.put("token-refresh.refresh-ahead", REFRESH_AHEAD.toMillis() + "ms");
    config.put("token-refresh.exclude-paths", "/login,/callback,/logout,/naive");
    config.put("token-refresh.login.post-logout-redirect-uris", app.toString());
    ExampleServer payara =
        ExampleServer.start(
            new DemoPaths(war, paths.payaraMicro(), paths.payaraConfig(), paths.workDir()),
            port,
            config,
            Map.of("TOKEN_REFRESH_OIDC_CLIENT_SECRET", realm.clientSecret()));
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
