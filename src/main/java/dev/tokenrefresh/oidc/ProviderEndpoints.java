package dev.tokenrefresh.oidc;

import java.net.URI;
import java.util.Objects;

/**
 * What OpenID Connect discovery tells about a provider that this module needs. Immutable and
 * thread-safe.
 *
 * @param issuer the issuer, as the provider states it (equal to the configured one)
 * @param tokenEndpoint the token endpoint
 * @param jwksUri the JWK set that signs the provider's ID tokens
 */
public record ProviderEndpoints(URI issuer, URI tokenEndpoint, URI jwksUri) {

  /** Requires every endpoint. */
  public ProviderEndpoints {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    Objects.requireNonNull(jwksUri, "jwksUri");
  }
}
