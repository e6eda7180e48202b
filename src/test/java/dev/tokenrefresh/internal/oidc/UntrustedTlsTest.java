package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix's TLS row, at the client (a container test would need a second deployment): a
 * token endpoint whose certificate the JVM does not trust is an I/O fault that counts toward the
 * breaker, is not retried (the handshake may have reached the provider), and sends no token
 * request.
 */
class UntrustedTlsTest {

  @TempDir Path dir;

  @Test
  void refresh_whenTheProviderPresentsAnUntrustedCertificate_isAnIoFault_neverRetried()
      throws Exception {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
    AtomicInteger requests = new AtomicInteger();
    server.createContext(
        "/token",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    server.start();
    try {
      URI endpoint = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/token");
      NimbusTokenEndpoint client =
          new NimbusTokenEndpoint(
              OidcClientSettings.builder()
                  .tokenEndpoint(endpoint)
                  .clientId("filter-client")
                  .clientSecret("client-secret-6f1c2a")
                  .connectTimeout(Duration.ofSeconds(2))
                  .readTimeout(Duration.ofSeconds(2))
                  .build(),
              StubFixture.CLOCK);

      IdpFaultException fault =
          catchThrowableOfType(
              IdpFaultException.class, () -> client.refresh(StubFixture.current()));

      assertThat(fault.kind()).isEqualTo(FaultKind.IO);
      assertThat(fault.requestNotSent()).isFalse();
      assertThat(fault.getMessage()).contains("SSLHandshakeException");
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  /** A key and self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
  private SSLContext selfSigned() throws Exception {
    Path store = dir.resolve("tls.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "idp",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "1",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as(output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }
}
