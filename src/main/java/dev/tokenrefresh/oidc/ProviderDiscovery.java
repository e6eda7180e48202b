package dev.tokenrefresh.oidc;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Resolves a provider's endpoints from its issuer by OpenID Connect discovery ({@code
 * /.well-known/openid-configuration}), bounded by connect and read timeouts. Nimbus checks that the
 * document names the configured issuer. Meant to run once at startup, so it blocks and is not
 * interruptible. Stateless and thread-safe.
 */
public final class ProviderDiscovery {

  private final Duration connectTimeout;
  private final Duration readTimeout;

  /**
   * @param connectTimeout bound of connecting to the provider
   * @param readTimeout bound of waiting for the discovery document
   */
  public ProviderDiscovery(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /**
   * Fetches the discovery document of {@code issuer}.
   *
   * @throws IllegalStateException naming {@code token-refresh.oidc.issuer} when the document cannot
   *     be fetched, is invalid, names another issuer, or lacks a token endpoint or JWK set
   */
  public ProviderEndpoints discover(URI issuer) {
    OIDCProviderMetadata metadata;
    try {
      metadata =
          OIDCProviderMetadata.resolve(
              new Issuer(issuer), millis(connectTimeout), millis(readTimeout));
    } catch (IOException | GeneralException | RuntimeException e) {
      throw failure(issuer, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    if (metadata.getTokenEndpointURI() == null || metadata.getJWKSetURI() == null) {
      throw failure(issuer, "the document lacks token_endpoint or jwks_uri", null);
    }
    return new ProviderEndpoints(
        URI.create(metadata.getIssuer().getValue()),
        metadata.getTokenEndpointURI(),
        metadata.getJWKSetURI());
  }

  private static IllegalStateException failure(URI issuer, String why, Throwable cause) {
    return new IllegalStateException(
        OidcClientSettings.PREFIX
            + "issuer "
            + issuer
            + ": OpenID Connect discovery failed ("
            + why
            + ")",
        cause);
  }

  private static int millis(Duration timeout) {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }
}
