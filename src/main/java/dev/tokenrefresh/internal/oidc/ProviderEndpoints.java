package dev.tokenrefresh.internal.oidc;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What OpenID Connect discovery tells about a provider that this module needs. Immutable and
 * thread-safe.
 *
 * @param issuer the issuer, as the provider states it (equal to the configured one)
 * @param tokenEndpoint the token endpoint
 * @param jwksUri the JWK set that signs the provider's ID tokens
 * @param authorizationEndpoint where a login sends the browser, or {@code null} when unknown
 * @param endSessionEndpoint RP-initiated logout, or {@code null} when the provider has none
 */
public record ProviderEndpoints(
    URI issuer, URI tokenEndpoint, URI jwksUri, URI authorizationEndpoint, URI endSessionEndpoint) {

  /** Requires issuer, token endpoint and JWK set. */
  public ProviderEndpoints {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    Objects.requireNonNull(jwksUri, "jwksUri");
  }

  /** The endpoints a refresh needs, without those of a login. */
  public ProviderEndpoints(URI issuer, URI tokenEndpoint, URI jwksUri) {
    this(issuer, tokenEndpoint, jwksUri, null, null);
  }

  /** Where a login sends the browser, when known. */
  public Optional<URI> authorization() {
    return Optional.ofNullable(authorizationEndpoint);
  }

  /** The end-session endpoint of RP-initiated logout, when the provider has one. */
  public Optional<URI> endSession() {
    return Optional.ofNullable(endSessionEndpoint);
  }
}
