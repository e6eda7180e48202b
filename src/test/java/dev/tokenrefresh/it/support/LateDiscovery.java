package dev.tokenrefresh.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An OpenID Connect discovery document that is not there when the application deploys: a loopback
 * port reserved (and closed again) at once, on which {@link #open()} later serves the document. The
 * document names the {@link MockIdp}'s token endpoint and JWK set. Connections before {@link
 * #open()} are refused, as by a provider that is down. Not thread-safe; close it after the test.
 */
public final class LateDiscovery implements AutoCloseable {

  private final int port;
  private HttpServer server;

  private LateDiscovery(int port) {
    this.port = port;
  }

  /** Reserves a free loopback port and leaves it closed. */
  public static LateDiscovery reserve() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new LateDiscovery(socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The issuer to configure ({@code token-refresh.oidc.issuer}). */
  public URI issuer() {
    return URI.create("http://127.0.0.1:" + port + "/late");
  }

  /** Starts answering discovery on the reserved port. */
  public void open() {
    MockIdp idp = MockIdp.shared();
    byte[] document =
        ("{\"issuer\":\""
                + issuer()
                + "\",\"token_endpoint\":\""
                + idp.tokenEndpoint()
                + "\",\"jwks_uri\":\""
                + idp.jwksUri()
                + "\",\"authorization_endpoint\":\""
                + issuer()
                + "/authorize\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
            .getBytes(StandardCharsets.UTF_8);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
    } catch (IOException e) {
      throw new UncheckedIOException("port " + port + " was taken meanwhile", e);
    }
    server.createContext(
        issuer().getPath() + "/.well-known/openid-configuration",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, document.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(document);
          }
        });
    server.start();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
