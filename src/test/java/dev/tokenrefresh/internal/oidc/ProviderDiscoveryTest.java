package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Discovery failures; a successful discovery is tested against mock-oauth2-server. */
class ProviderDiscoveryTest {

  private final ProviderDiscovery discovery =
      new ProviderDiscovery(Duration.ofSeconds(1), Duration.ofSeconds(1));

  @Test
  void discover_whenProviderIsUnreachable_failsNamingTheIssuerKey() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI issuer = URI.create("http://127.0.0.1:" + closedPort + "/realms/demo");
    assertThatThrownBy(() -> discovery.discover(issuer))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("token-refresh.oidc.issuer " + issuer)
        .hasMessageContaining("discovery failed");
  }

  @Test
  void discover_whenProviderHasNoDiscoveryDocument_failsNamingTheIssuerKey() throws IOException {
    try (StubProvider stub = StubProvider.start()) {
      assertThatThrownBy(() -> discovery.discover(stub.issuer()))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("token-refresh.oidc.issuer");
    }
  }
}
