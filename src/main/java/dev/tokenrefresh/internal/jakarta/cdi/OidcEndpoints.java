package dev.tokenrefresh.internal.jakarta.cdi;

import static dev.tokenrefresh.core.config.ConfigKey.OIDC_CONNECT_TIMEOUT;
import static dev.tokenrefresh.core.config.ConfigKey.OIDC_ISSUER;
import static dev.tokenrefresh.core.config.ConfigKey.OIDC_READ_TIMEOUT;
import static dev.tokenrefresh.core.config.ConfigKey.OIDC_TOKEN_ENDPOINT;

import dev.tokenrefresh.core.config.ConfigKey;
import dev.tokenrefresh.internal.core.time.Scheduler;
import dev.tokenrefresh.internal.core.time.Ticker;
import dev.tokenrefresh.internal.jakarta.config.SettingsMapping;
import dev.tokenrefresh.internal.oidc.DiscoveringTokenEndpoint;
import dev.tokenrefresh.internal.oidc.NimbusTokenEndpoint;
import dev.tokenrefresh.internal.oidc.OidcClientSettings;
import dev.tokenrefresh.internal.oidc.OidcClientSettingsBuilder;
import dev.tokenrefresh.internal.oidc.ProviderDiscovery;
import dev.tokenrefresh.internal.oidc.ProviderEndpoints;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Connects the token endpoint: with {@code token-refresh.oidc.token-endpoint} set, as configured;
 * otherwise by discovery from {@code token-refresh.oidc.issuer}, retried in the background until
 * the provider answers. Either way every setting is validated at once, so that invalid
 * configuration fails the deployment and an unreachable provider does not. Thread-safe (stateless).
 */
final class OidcEndpoints {

  private OidcEndpoints() {}

  /**
   * The time bases the endpoint needs (wall clock for tokens, ticker and executors for retries),
   * and who learns the provider's endpoints once they are known (the login mechanism).
   */
  record Surroundings(
      Clock clock,
      Ticker ticker,
      Scheduler scheduler,
      Executor executor,
      Consumer<ProviderEndpoints> onEndpoints) {}

  /**
   * @param callTimeout {@code token-refresh.timeout}, which connect plus read timeout must fit in
   * @return the endpoint, not yet started
   * @throws IllegalArgumentException naming the key of an invalid setting
   */
  static DiscoveringTokenEndpoint connect(
      ConfigReader source, Duration callTimeout, Surroundings around) {
    OidcClientSettingsBuilder builder = SettingsMapping.oidcSettings(source);
    if (source.text(OIDC_TOKEN_ENDPOINT.key()).isPresent()) {
      NimbusTokenEndpoint endpoint = endpoint(builder, callTimeout, around.clock());
      configured(source, endpoint.settings()).ifPresent(around.onEndpoints());
      return discovering(source.text(OIDC_TOKEN_ENDPOINT.key()).get(), () -> endpoint, around);
    }
    URI issuer =
        source
            .text(OIDC_ISSUER.key())
            .map(URI::create)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        OIDC_ISSUER + " or " + OIDC_TOKEN_ENDPOINT + " must be set"));
    // Everything but the discovered endpoints is checked now, against stand-ins.
    endpoint(
        builder.endpoints(new ProviderEndpoints(issuer, issuer, issuer)),
        callTimeout,
        around.clock());
    ProviderDiscovery discovery =
        new ProviderDiscovery(
            source
                .duration(OIDC_CONNECT_TIMEOUT.key())
                .orElse(OIDC_CONNECT_TIMEOUT.defaultDuration()),
            source.duration(OIDC_READ_TIMEOUT.key()).orElse(OIDC_READ_TIMEOUT.defaultDuration()));
    return discovering(
        issuer.toString(),
        () -> {
          ProviderEndpoints found = discovery.discover(issuer);
          around.onEndpoints().accept(found);
          return endpoint(builder.endpoints(found), callTimeout, around.clock());
        },
        around);
  }

  /**
   * The endpoints of a provider configured without discovery: a login needs issuer, JWK set and
   * {@code token-refresh.oidc.authorization-endpoint} (and may have {@code end-session-endpoint}).
   */
  private static Optional<ProviderEndpoints> configured(
      ConfigReader source, OidcClientSettings settings) {
    if (settings.issuer() == null || settings.jwksUri() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ProviderEndpoints(
            settings.issuer(),
            settings.tokenEndpoint(),
            settings.jwksUri(),
            source.text(ConfigKey.OIDC_AUTHORIZATION_ENDPOINT.key()).map(URI::create).orElse(null),
            source.text(ConfigKey.OIDC_END_SESSION_ENDPOINT.key()).map(URI::create).orElse(null)));
  }

  private static NimbusTokenEndpoint endpoint(
      OidcClientSettingsBuilder builder, Duration callTimeout, Clock clock) {
    OidcClientSettings settings = builder.build();
    settings.requireWithin(callTimeout);
    return new NimbusTokenEndpoint(settings, clock);
  }

  private static DiscoveringTokenEndpoint discovering(
      String name, Supplier<NimbusTokenEndpoint> resolve, Surroundings around) {
    return new DiscoveringTokenEndpoint(
        name, resolve, around.scheduler(), around.executor(), around.ticker());
  }
}
