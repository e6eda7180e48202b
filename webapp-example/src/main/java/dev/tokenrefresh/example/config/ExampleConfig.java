package dev.tokenrefresh.example.config;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tokenrefresh.jakarta.config.ConfigSource;
import dev.tokenrefresh.jakarta.config.SettingsMapping;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
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
    ConfigSource c = new ConfigSource(key -> config.getOptionalValue(key, String.class));
    return new ExampleSettings(
        c.text(OIDC + "issuer").map(v -> uri(OIDC + "issuer", v)).orElse(null),
        c.text(OIDC + "client-id").orElse(null),
        c.text(OIDC + "client-secret").orElse(null),
        SettingsMapping.clientKey(c).orElse(null),
        c.text(OIDC + "client-auth")
            .map(ClientAuthMethod::fromKey)
            .orElse(ClientAuthMethod.CLIENT_SECRET_BASIC),
        JWSAlgorithm.parse(c.text(OIDC + "id-token-signing-alg").orElse("RS256")),
        c.duration(OIDC + "connect-timeout").orElse(Duration.ofSeconds(5)),
        c.duration(OIDC + "read-timeout").orElse(Duration.ofSeconds(10)));
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
