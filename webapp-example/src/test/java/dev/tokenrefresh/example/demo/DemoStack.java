package dev.tokenrefresh.example.demo;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the demo runs: the provider, then Payara Micro with the example pointed at it. Closing
 * stops both, Payara first. Not thread-safe.
 */
public final class DemoStack implements AutoCloseable {

  private final DemoIdp idp;
  private final ExampleServer payara;

  private DemoStack(DemoIdp idp, ExampleServer payara) {
    this.idp = idp;
    this.payara = payara;
  }

  /**
   * What to start.
   *
   * @param httpPort Payara's HTTP port (0: any free one)
   * @param idpPort the provider's port (0: any free one)
   * @param tokenExpiry how long the provider's access tokens live
   * @param refreshAhead the module's {@code token-refresh.refresh-ahead}
   */
  public record Settings(int httpPort, int idpPort, Duration tokenExpiry, Duration refreshAhead) {}

  /** Starts the provider, then Payara; if Payara fails, stops the provider again. */
  public static DemoStack start(DemoPaths paths, Settings settings, Consumer<String> onTokenCall)
      throws IOException, InterruptedException {
    int idpPort = settings.idpPort() == 0 ? FreePort.any() : settings.idpPort();
    int httpPort = settings.httpPort() == 0 ? FreePort.any() : settings.httpPort();
    DemoIdp idp = DemoIdp.start(idpPort, (int) settings.tokenExpiry().toSeconds(), onTokenCall);
    try {
      Map<String, String> config = new LinkedHashMap<>();
      // The same WAR, pointed at this provider by a system property (MicroProfile Config).
      config.put("token-refresh.oidc.issuer", idp.issuer().toString());
      config.put("token-refresh.refresh-ahead", settings.refreshAhead().toMillis() + "ms");
      // after logout the provider sends the browser back to the start page, which must be listed
      config.put(
          "token-refresh.login.post-logout-redirect-uris",
          "http://127.0.0.1:" + httpPort + ExampleServer.CONTEXT_ROOT + "/");
      return new DemoStack(idp, ExampleServer.start(paths.requireBuilt(), httpPort, config));
    } catch (IOException | InterruptedException | RuntimeException e) {
      idp.close();
      throw e;
    }
  }

  /** The provider. */
  public DemoIdp idp() {
    return idp;
  }

  /** The server. */
  public ExampleServer payara() {
    return payara;
  }

  /** The example's start page. */
  public URI app() {
    return payara.app();
  }

  @Override
  public void close() {
    try {
      payara.close();
    } finally {
      idp.close();
    }
  }
}
