package dev.tokenrefresh.example.config;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tokenrefresh.oidc.ClientCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the example's userinfo call (and the Keycloak suite's naive servlet) needs to know about the
 * OpenID Connect client. The provider and client keys are the module's own ({@code
 * token-refresh.oidc.*}), so one set of values configures both; {@code example.*} keys are the
 * example's alone. Immutable and thread-safe; {@link #toString()} never shows the client secret or
 * key, which {@link ClientCredentials} redacts.
 *
 * @param issuer the provider's issuer ({@code token-refresh.oidc.issuer}); discovery finds the rest
 * @param client the client id, its authentication method and its secret or private key ({@code
 *     token-refresh.oidc.client-id}, {@code client-auth}, {@code client-secret}, {@code client-key}
 *     or {@code client-key-file}), validated as the module validates them
 * @param idTokenAlg the JWS algorithm ID tokens are signed with ({@code
 *     token-refresh.oidc.id-token-signing-alg})
 * @param connectTimeout bound of connecting to the provider ({@code
 *     token-refresh.oidc.connect-timeout})
 * @param readTimeout bound of waiting for the provider's answer ({@code
 *     token-refresh.oidc.read-timeout})
 */
public record ExampleSettings(
    URI issuer,
    ClientCredentials client,
    JWSAlgorithm idTokenAlg,
    Duration connectTimeout,
    Duration readTimeout) {

  /**
   * Requires the issuer, the one key without a default ({@link ExampleConfig} gives every other
   * part its default, and {@link ClientCredentials} validates itself).
   */
  public ExampleSettings {
    Objects.requireNonNull(issuer, "token-refresh.oidc.issuer must be set");
  }
}
