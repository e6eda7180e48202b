package dev.tokenrefresh.oidc;

import dev.tokenrefresh.internal.oidc.OidcClientSettings;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How this client authenticates to the token endpoint ({@code token-refresh.oidc.client-auth}). */
public enum ClientAuthMethod {
  /** The client id and secret in an HTTP Basic {@code Authorization} header (the default). */
  CLIENT_SECRET_BASIC,
  /** The client id and secret as form parameters of the request body. */
  CLIENT_SECRET_POST,
  /**
   * A JWT assertion signed with the client's private key (RFC 7523), made anew for every request:
   * no shared secret travels.
   */
  PRIVATE_KEY_JWT,
  /** A public client: only the client id is sent, no secret. */
  NONE;

  /** The name used in configuration and in the OAuth 2.0 registration metadata. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this method sends a client secret, which must then be configured. */
  public boolean needsSecret() {
    return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST;
  }

  /** Whether this method signs with a private key, which must then be configured. */
  public boolean needsKey() {
    return this == PRIVATE_KEY_JWT;
  }

  /**
   * Parses a configuration value such as {@code client_secret_post}.
   *
   * @throws IllegalArgumentException naming the key and the accepted values when unknown
   */
  public static ClientAuthMethod fromKey(String value) {
    for (ClientAuthMethod method : values()) {
      if (method.key().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return method;
      }
    }
    String accepted =
        Arrays.stream(values()).map(ClientAuthMethod::key).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        OidcClientSettings.PREFIX + "client-auth must be one of " + accepted + ", was " + value);
  }
}
