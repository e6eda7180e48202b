package dev.tokenrefresh.oidc;

import static dev.tokenrefresh.core.config.ConfigKey.OIDC_CLIENT_AUTH;
import static dev.tokenrefresh.core.config.ConfigKey.OIDC_CLIENT_ID;
import static dev.tokenrefresh.core.config.ConfigKey.OIDC_CLIENT_KEY;
import static dev.tokenrefresh.core.config.ConfigKey.OIDC_CLIENT_KEY_FILE;
import static dev.tokenrefresh.core.config.ConfigKey.OIDC_CLIENT_SECRET;

/**
 * Who the client is at the token endpoint and what it proves that with ({@code
 * token-refresh.oidc.client-id}, {@code client-auth}, {@code client-secret}, {@code client-key}):
 * the secret exactly when the method sends one, the private key exactly when it signs. Each error
 * message names the key. Immutable and thread-safe; {@link #toString()} never shows the secret or
 * the key.
 *
 * @param clientId the client id
 * @param clientSecret the client secret; {@code null} unless {@code clientAuth} sends a secret
 * @param clientKey the key of {@code private_key_jwt}; {@code null} for every other method
 * @param clientAuth how the client authenticates to the token endpoint
 */
public record ClientCredentials(
    String clientId, String clientSecret, ClientSigningKey clientKey, ClientAuthMethod clientAuth) {

  /** Validates; messages name the configuration key. */
  public ClientCredentials {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException(OIDC_CLIENT_ID + " must be set");
    }
    if (clientAuth == null) {
      throw new IllegalArgumentException(OIDC_CLIENT_AUTH + " must be set");
    }
    boolean hasSecret = clientSecret != null && !clientSecret.isBlank();
    if (clientAuth.needsSecret() && !hasSecret) {
      throw new IllegalArgumentException(
          OIDC_CLIENT_SECRET + " must be set when client-auth is " + clientAuth.key());
    }
    if (!clientAuth.needsSecret() && clientSecret != null) {
      throw new IllegalArgumentException(
          OIDC_CLIENT_SECRET + " must not be set for client-auth " + clientAuth.key());
    }
    if (clientAuth.needsKey() && clientKey == null) {
      throw new IllegalArgumentException(
          OIDC_CLIENT_KEY
              + " or "
              + OIDC_CLIENT_KEY_FILE
              + " must be set when client-auth is "
              + clientAuth.key());
    }
    if (!clientAuth.needsKey() && clientKey != null) {
      throw new IllegalArgumentException(
          OIDC_CLIENT_KEY
              + " and client-key-file are for client-auth private_key_jwt only, not "
              + clientAuth.key());
    }
  }

  @Override
  public String toString() {
    return "ClientCredentials[clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null ? "absent" : "[redacted]")
        + ", clientKey="
        + (clientKey == null ? "absent" : clientKey)
        + ", clientAuth="
        + clientAuth.key()
        + "]";
  }
}
