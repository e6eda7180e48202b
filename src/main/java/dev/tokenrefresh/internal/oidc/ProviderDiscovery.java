package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Resolves a provider's endpoints from its issuer by OpenID Connect discovery ({@code
 * /.well-known/openid-configuration}), bounded by connect and read timeouts and by {@link
 * #MAX_DOCUMENT_BYTES}. The document must name the configured issuer, and its token endpoint and
 * JWK set must be absolute http(s) URLs. Meant to run once at startup, so it blocks. Stateless and
 * thread-safe.
 *
 * @param connectTimeout bound of connecting to the provider
 * @param readTimeout bound of waiting for the discovery document
 */
public record ProviderDiscovery(Duration connectTimeout, Duration readTimeout) {

  private static final String KEY = OidcClientSettings.PREFIX + "issuer";

  /** Far above any real document (Keycloak's: about 6 KiB), far below a heap's worth. */
  static final int MAX_DOCUMENT_BYTES = 256 * 1024;

  /**
   * Fetches the discovery document of {@code issuer}.
   *
   * @throws IllegalStateException naming {@code token-refresh.oidc.issuer} when the document cannot
   *     be fetched, is invalid, names another issuer, or lacks a token endpoint or JWK set
   */
  public ProviderEndpoints discover(URI issuer) {
    Issuer expected = new Issuer(issuer);
    OIDCProviderMetadata metadata;
    try {
      InterruptibleHttpSender sender =
          new InterruptibleHttpSender(connectTimeout, readTimeout, MAX_DOCUMENT_BYTES);
      Resource document = sender.retrieveResource(OIDCProviderMetadata.resolveURL(expected));
      metadata = OIDCProviderMetadata.parse(document.getContent());
    } catch (IOException | GeneralException | RuntimeException e) {
      throw failure(issuer, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    if (!expected.equals(metadata.getIssuer())) {
      throw failure(issuer, "the document names another issuer", null);
    }
    URI tokenEndpoint = metadata.getTokenEndpointURI();
    URI jwksUri = metadata.getJWKSetURI();
    if (!absoluteHttp(tokenEndpoint) || !absoluteHttp(jwksUri)) {
      throw failure(
          issuer, "the document lacks an absolute http(s) token_endpoint or jwks_uri", null);
    }
    URI authorization = metadata.getAuthorizationEndpointURI();
    URI endSession = metadata.getEndSessionEndpointURI();
    return new ProviderEndpoints(
        URI.create(metadata.getIssuer().getValue()),
        tokenEndpoint,
        jwksUri,
        absoluteHttp(authorization) ? authorization : null,
        absoluteHttp(endSession) ? endSession : null);
  }

  private static boolean absoluteHttp(URI uri) {
    return uri != null
        && uri.getHost() != null
        && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
  }

  private static IllegalStateException failure(URI issuer, String why, Throwable cause) {
    return new IllegalStateException(
        KEY + " " + issuer + ": OpenID Connect discovery failed (" + why + ")", cause);
  }
}
