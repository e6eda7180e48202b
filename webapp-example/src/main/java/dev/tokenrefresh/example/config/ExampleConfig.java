package dev.tokenrefresh.example.config;

import static dev.tokenrefresh.core.config.ConfigKey.OIDC_CONNECT_TIMEOUT;
import static dev.tokenrefresh.core.config.ConfigKey.OIDC_READ_TIMEOUT;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import dev.tokenrefresh.oidc.ClientCredentials;
import dev.tokenrefresh.oidc.ClientSigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The one place that reads the example's configuration from MicroProfile Config: {@code
 * META-INF/microprofile-config.properties}, overridden by environment variables ({@code
 * TOKEN_REFRESH_OIDC_ISSUER}) and system properties ({@code -Dtoken-refresh.oidc.issuer=...}) by
 * the standard ordinals. Thread-safe.
 */
@ApplicationScoped
public class ExampleConfig {

  private static final String OIDC = "token-refresh.oidc.";

  @Inject Config config;

  /**
   * The validated settings, read once per application. {@code @Singleton}, not
   * {@code @ApplicationScoped}: a record is final, so it cannot stand behind a client proxy.
   */
  @Produces
  @Singleton
  ExampleSettings settings() {
    ConfigReader c = new ConfigReader(key -> config.getOptionalValue(key, String.class));
    return new ExampleSettings(
        c.text(OIDC + "issuer").map(v -> uri(OIDC + "issuer", v)).orElse(null),
        new ClientCredentials(
            c.text(OIDC + "client-id").orElse(null),
            c.text(OIDC + "client-secret").orElse(null),
            clientKey(c).orElse(null),
            c.text(OIDC + "client-auth")
                .map(ClientAuthMethod::fromKey)
                .orElse(ClientAuthMethod.CLIENT_SECRET_BASIC)),
        JWSAlgorithm.parse(c.text(OIDC + "id-token-signing-alg").orElse("RS256")),
        c.duration(OIDC_CONNECT_TIMEOUT.key()).orElse(OIDC_CONNECT_TIMEOUT.defaultDuration()),
        c.duration(OIDC_READ_TIMEOUT.key()).orElse(OIDC_READ_TIMEOUT.defaultDuration()));
  }

  /**
   * The private key of {@code private_key_jwt}, from the library's keys: {@code client-key}
   * (inline) or {@code client-key-file}, with {@code client-key-id} and {@code client-key-alg}. The
   * library validates the same keys at its start, so a wrong value fails the deployment there
   * first.
   */
  private static Optional<ClientSigningKey> clientKey(ConfigReader c) {
    Optional<String> inline = c.text(OIDC + "client-key");
    Optional<String> file = c.text(OIDC + "client-key-file");
    if (inline.isEmpty() && file.isEmpty()) {
      return Optional.empty();
    }
    String text = inline.isPresent() ? inline.get() : read(OIDC + "client-key-file", file.get());
    return Optional.of(
        ClientSigningKey.parse(
            text,
            c.text(OIDC + "client-key-id").orElse(null),
            c.text(OIDC + "client-key-alg").orElse(null)));
  }

  private static String read(String key, String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(key + " cannot be read: " + path, e);
    }
  }

  private static URI uri(String key, String value) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be an absolute URL, was '" + value + "'", e);
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(key + " must be an absolute URL, was '" + value + "'");
    }
    return uri;
  }
}
