package dev.tokenrefresh.example.config;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import dev.tokenrefresh.oidc.ClientSigningKey;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the example's userinfo call (and the Keycloak suite's naive servlet) needs to know about the
 * OpenID Connect client. The provider and client keys are the module's own ({@code
 * token-refresh.oidc.*}), so one set of values configures both; {@code example.*} keys are the
 * example's alone. Immutable and thread-safe; {@link #toString()} never shows the client secret or
 * key.
 *
 * @param issuer the provider's issuer ({@code token-refresh.oidc.issuer}); discovery finds the rest
 * @param clientId the client id ({@code token-refresh.oidc.client-id})
 * @param clientSecret the client secret ({@code token-refresh.oidc.client-secret}), or {@code null}
 *     for a public client or {@code private_key_jwt}
 * @param clientKey the private key of {@code private_key_jwt} ({@code
 *     token-refresh.oidc.client-key} or {@code client-key-file}), or {@code null}
 * @param clientAuth how the client authenticates to the token endpoint ({@code
 *     token-refresh.oidc.client-auth})
 * @param idTokenAlg the JWS algorithm ID tokens are signed with ({@code
 *     token-refresh.oidc.id-token-signing-alg})
 * @param connectTimeout bound of connecting to the provider ({@code
 *     token-refresh.oidc.connect-timeout})
 * @param readTimeout bound of waiting for the provider's answer ({@code
 *     token-refresh.oidc.read-timeout})
 */
public record ExampleSettings(
    URI issuer,
    String clientId,
    String clientSecret,
    ClientSigningKey clientKey,
    ClientAuthMethod clientAuth,
    JWSAlgorithm idTokenAlg,
    Duration connectTimeout,
    Duration readTimeout) {

  /** Validates; each message names the key. */
  public ExampleSettings {
    Objects.requireNonNull(issuer, "token-refresh.oidc.issuer must be set");
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("token-refresh.oidc.client-id must be set");
    }
    Objects.requireNonNull(clientAuth, "clientAuth");
    if (clientAuth.needsSecret() && (clientSecret == null || clientSecret.isBlank())) {
      throw new IllegalArgumentException(
          "token-refresh.oidc.client-secret must be set when client-auth is " + clientAuth.key());
    }
    if (clientAuth.needsKey() && clientKey == null) {
      throw new IllegalArgumentException(
          "token-refresh.oidc.client-key or client-key-file must be set when client-auth is "
              + clientAuth.key());
    }
    Objects.requireNonNull(idTokenAlg, "idTokenAlg");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
  }

  @Override
  public String toString() {
    return "ExampleSettings[issuer="
        + issuer
        + ", clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null ? "absent" : "[redacted]")
        + ", clientKey="
        + (clientKey == null ? "absent" : clientKey)
        + ", clientAuth="
        + clientAuth.key()
        + ", idTokenAlg="
        + idTokenAlg
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }
}
