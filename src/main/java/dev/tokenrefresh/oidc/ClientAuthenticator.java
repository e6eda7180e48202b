package dev.tokenrefresh.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

/**
 * The client authentication of each request to the token endpoint, as configured: the secret in a
 * Basic header or in the form, nothing for a public client, or for {@code private_key_jwt} a fresh
 * assertion per request (RFC 7523: {@code iss} and {@code sub} the client id, {@code aud} the token
 * endpoint, a random {@code jti}, valid for {@link #ASSERTION_LIFETIME} from the injected clock),
 * so that no assertion is ever sent twice. Thread-safe; {@link #toString()} shows no secret or key.
 */
public final class ClientAuthenticator {

  /** How long a {@code private_key_jwt} assertion is valid: long enough for clock skew only. */
  public static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);

  private final ClientAuthMethod method;
  private final ClientID clientId;
  private final Secret secret;
  private final ClientSigningKey key;
  private final URI tokenEndpoint;
  private final Clock clock;

  /**
   * @param method how to authenticate
   * @param clientId the client id
   * @param clientSecret the secret of the two secret methods, else ignored
   * @param clientKey the key of {@code private_key_jwt}, else ignored
   * @param tokenEndpoint the audience of the assertions
   * @param clock the source of the assertions' {@code iat} and {@code exp}
   */
  public ClientAuthenticator(
      ClientAuthMethod method,
      String clientId,
      String clientSecret,
      ClientSigningKey clientKey,
      URI tokenEndpoint,
      Clock clock) {
    this.method = Objects.requireNonNull(method, "method");
    this.clientId = new ClientID(Objects.requireNonNull(clientId, "clientId"));
    this.secret = method.needsSecret() ? new Secret(clientSecret) : null;
    this.key = method.needsKey() ? Objects.requireNonNull(clientKey, "clientKey") : null;
    this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param client the client's id and credentials
   * @param tokenEndpoint the audience of the assertions
   * @param clock the source of the assertions' {@code iat} and {@code exp}
   */
  public ClientAuthenticator(ClientCredentials client, URI tokenEndpoint, Clock clock) {
    this(
        client.clientAuth(),
        client.clientId(),
        client.clientSecret(),
        client.clientKey(),
        tokenEndpoint,
        clock);
  }

  /** The client id, which a public client sends in the form. */
  public ClientID clientId() {
    return clientId;
  }

  /**
   * The authentication for one request, made anew each time; empty for a public client.
   *
   * @throws IllegalStateException when the assertion cannot be signed (the message names no key)
   */
  public Optional<ClientAuthentication> next() {
    return switch (method) {
      case CLIENT_SECRET_BASIC -> Optional.of(new ClientSecretBasic(clientId, secret));
      case CLIENT_SECRET_POST -> Optional.of(new ClientSecretPost(clientId, secret));
      case PRIVATE_KEY_JWT -> Optional.of(assertion());
      case NONE -> Optional.empty();
    };
  }

  private PrivateKeyJWT assertion() {
    Instant now = clock.instant();
    JWTAuthenticationClaimsSet claims =
        new JWTAuthenticationClaimsSet(
            clientId,
            new Audience(tokenEndpoint).toSingleAudienceList(),
            Date.from(now.plus(ASSERTION_LIFETIME)),
            null,
            Date.from(now),
            new JWTID());
    try {
      return new PrivateKeyJWT(claims, key.algorithm(), key.privateKey(), key.keyId(), null);
    } catch (JOSEException e) {
      throw new IllegalStateException(
          "cannot sign the private_key_jwt assertion with the configured "
              + key.algorithm()
              + " key ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  @Override
  public String toString() {
    return "ClientAuthenticator[method="
        + method.key()
        + ", clientId="
        + clientId
        + ", tokenEndpoint="
        + tokenEndpoint
        + (key == null ? "" : ", key=" + key)
        + "]";
  }
}
