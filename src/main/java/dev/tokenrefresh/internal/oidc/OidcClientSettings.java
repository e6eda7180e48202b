package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tokenrefresh.core.config.ConfigKey;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import dev.tokenrefresh.oidc.ClientAuthenticator;
import dev.tokenrefresh.oidc.ClientCredentials;
import dev.tokenrefresh.oidc.ClientSigningKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * How to reach and authenticate to the identity provider's token endpoint, and how to judge its
 * answers. The Jakarta layer maps the {@code token-refresh.oidc.*} configuration keys onto it; each
 * error message names the key. Immutable and thread-safe; {@link #toString()} never shows the
 * client secret or the client's private key.
 *
 * @param tokenEndpoint the token endpoint ({@code token-refresh.oidc.token-endpoint})
 * @param issuer the issuer, or {@code null}; required to validate ID tokens
 * @param clientId the client id
 * @param clientSecret the client secret; {@code null} unless {@code clientAuth} sends a secret
 * @param clientKey the key of {@code private_key_jwt}; {@code null} for every other method
 * @param clientAuth how the client authenticates to the token endpoint
 * @param connectTimeout bound of establishing the TCP (and TLS) connection
 * @param readTimeout bound of waiting for the answer once connected
 * @param jwksUri the provider's JWK set, or {@code null}: then ID tokens are not validated
 * @param audience the audience an ID token must name; defaults to {@code clientId}
 * @param idTokenSigningAlg the JWS algorithm ID tokens must be signed with (default RS256)
 * @param defaultTokenLifetime the access-token lifetime assumed when the answer carries neither
 *     {@code expires_in} nor a JWT {@code exp}
 * @param maxTokenSize the most characters a token may have; a larger one is a malformed answer
 */
public record OidcClientSettings(
    URI tokenEndpoint,
    URI issuer,
    String clientId,
    String clientSecret,
    ClientSigningKey clientKey,
    ClientAuthMethod clientAuth,
    Duration connectTimeout,
    Duration readTimeout,
    URI jwksUri,
    String audience,
    String idTokenSigningAlg,
    Duration defaultTokenLifetime,
    int maxTokenSize) {

  /** The configuration key prefix of the identity-provider settings. */
  public static final String PREFIX = "token-refresh.oidc.";

  /** The least {@code max-token-size}: no real token is smaller. */
  public static final int MIN_TOKEN_SIZE = 256;

  /**
   * The largest {@code max-token-size}: 256 Ki characters, a body limit of about 1 MiB per call,
   * far above any real token (Keycloak's are 1 to 4 KiB) and far from overflowing the limit.
   */
  public static final int MAX_TOKEN_SIZE = 256 * 1024;

  /** Validates every field and fills in the audience; messages name the configuration key. */
  public OidcClientSettings {
    requireAbsoluteHttp("token-endpoint", tokenEndpoint);
    // The client's four keys are validated as an application that reads them is (the example).
    new ClientCredentials(clientId, clientSecret, clientKey, clientAuth);
    positive("connect-timeout", connectTimeout);
    positive("read-timeout", readTimeout);
    positive("default-token-lifetime", defaultTokenLifetime);
    if (maxTokenSize < MIN_TOKEN_SIZE || maxTokenSize > MAX_TOKEN_SIZE) {
      throw new IllegalArgumentException(
          PREFIX
              + "max-token-size must be between "
              + MIN_TOKEN_SIZE
              + " and "
              + MAX_TOKEN_SIZE
              + " (an answer is read up to 4 x max-token-size + 8 KiB), was "
              + maxTokenSize);
    }
    if (issuer != null) {
      requireAbsoluteHttp("issuer", issuer);
    }
    if (jwksUri != null) {
      requireAbsoluteHttp("jwks-uri", jwksUri);
      if (issuer == null) {
        throw new IllegalArgumentException(
            ConfigKey.OIDC_ISSUER + " must be set when jwks-uri is set");
      }
    }
    if (issuer != null && "https".equalsIgnoreCase(issuer.getScheme())) {
      requireHttps("token-endpoint", tokenEndpoint, issuer);
      if (jwksUri != null) {
        requireHttps("jwks-uri", jwksUri, issuer);
      }
    }
    audience = audience == null || audience.isBlank() ? clientId : audience;
    idTokenSigningAlg = idTokenSigningAlg == null ? "RS256" : idTokenSigningAlg;
    if (!JWSAlgorithm.Family.SIGNATURE.contains(JWSAlgorithm.parse(idTokenSigningAlg))) {
      throw new IllegalArgumentException(
          PREFIX
              + "id-token-signing-alg must be an asymmetric JWS algorithm such as RS256, was "
              + idTokenSigningAlg);
    }
  }

  /** A builder with the documented defaults; token endpoint and client id have none. */
  public static OidcClientSettingsBuilder builder() {
    return new OidcClientSettingsBuilder();
  }

  /**
   * Checks that one refresh ends before the coordinator gives up on it: the token request (connect
   * plus read) and, when ID tokens are validated, the JWK set fetch a refreshed ID token with an
   * unknown {@code kid} makes inside the same refresh (connect plus read again).
   *
   * @param callTimeout the coordinator's {@code token-refresh.timeout}
   * @throws IllegalArgumentException naming the keys when the timeouts do not fit
   */
  public void requireWithin(Duration callTimeout) {
    Duration oneRequest = connectTimeout.plus(readTimeout);
    boolean withJwks = jwksUri != null;
    Duration budget = withJwks ? oneRequest.multipliedBy(2) : oneRequest;
    if (budget.compareTo(callTimeout) >= 0) {
      throw new IllegalArgumentException(
          (withJwks ? "twice (" : "")
              + PREFIX
              + "connect-timeout plus "
              + PREFIX
              + "read-timeout"
              + (withJwks ? ") (the token request, then the JWK set fetch)" : "")
              + " must be below token-refresh.timeout ("
              + callTimeout
              + "), was "
              + budget);
    }
  }

  @Override
  public String toString() {
    return "OidcClientSettings[tokenEndpoint="
        + tokenEndpoint
        + ", issuer="
        + issuer
        + ", client="
        + client()
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", jwksUri="
        + jwksUri
        + ", audience="
        + audience
        + ", idTokenSigningAlg="
        + idTokenSigningAlg
        + ", defaultTokenLifetime="
        + defaultTokenLifetime
        + ", maxTokenSize="
        + maxTokenSize
        + "]";
  }

  private static void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(PREFIX + key + " must be a duration > 0, was " + value);
    }
  }

  /**
   * An {@code https} issuer's endpoints must be {@code https} too: a plain-http token endpoint
   * would carry the client secret and every refresh token in clear, a plain-http JWK set would let
   * anyone on the path forge ID tokens. Refused rather than warned about: nothing is sent first.
   */
  private static void requireHttps(String key, URI uri, URI issuer) {
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(
          PREFIX
              + key
              + " must be https like the issuer ("
              + issuer
              + "), was "
              + uri
              + " (configured, or listed by the issuer's discovery document)");
    }
  }

  private static void requireAbsoluteHttp(String key, URI uri) {
    if (uri == null) {
      throw new IllegalArgumentException(PREFIX + key + " must be set");
    }
    String scheme = uri.getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          PREFIX + key + " must be an absolute http(s) URI, was " + uri);
    }
  }

  /** The client's id and credentials. */
  public ClientCredentials client() {
    return new ClientCredentials(clientId, clientSecret, clientKey, clientAuth);
  }

  /** The client authentication these settings describe, its assertions timed by {@code clock}. */
  public ClientAuthenticator authenticator(Clock clock) {
    return new ClientAuthenticator(client(), tokenEndpoint, clock);
  }
}
