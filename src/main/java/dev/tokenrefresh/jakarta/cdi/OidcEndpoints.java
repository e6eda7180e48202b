package dev.tokenrefresh.jakarta.cdi;

import dev.tokenrefresh.jakarta.config.ConfigSource;
import dev.tokenrefresh.jakarta.config.SettingsMapping;
import dev.tokenrefresh.oidc.OidcClientSettings;
import dev.tokenrefresh.oidc.OidcClientSettingsBuilder;
import dev.tokenrefresh.oidc.ProviderDiscovery;
import java.net.URI;
import java.time.Duration;

/**
 * Completes the client settings: with {@code token-refresh.oidc.token-endpoint} set, uses it as
 * configured; otherwise discovers the token endpoint and JWKS from {@code
 * token-refresh.oidc.issuer}. Thread-safe (stateless).
 */
final class OidcEndpoints {

  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  private OidcEndpoints() {}

  static OidcClientSettings resolve(ConfigSource source) {
    OidcClientSettingsBuilder builder = SettingsMapping.oidcSettings(source);
    boolean explicit = source.text("token-refresh.oidc.token-endpoint").isPresent();
    if (!explicit) {
      URI issuer =
          source
              .text("token-refresh.oidc.issuer")
              .map(URI::create)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "token-refresh.oidc.issuer or token-refresh.oidc.token-endpoint must be"
                              + " set"));
      Duration connect =
          source.duration("token-refresh.oidc.connect-timeout").orElse(DEFAULT_CONNECT_TIMEOUT);
      Duration read =
          source.duration("token-refresh.oidc.read-timeout").orElse(DEFAULT_READ_TIMEOUT);
      builder.endpoints(new ProviderDiscovery(connect, read).discover(issuer));
    }
    return builder.build();
  }
}
