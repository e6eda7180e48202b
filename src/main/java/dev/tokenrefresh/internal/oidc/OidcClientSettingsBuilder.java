package dev.tokenrefresh.internal.oidc;

import dev.tokenrefresh.core.config.ConfigKey;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import dev.tokenrefresh.oidc.ClientSigningKey;
import java.net.URI;
import java.time.Duration;

/**
 * Builds {@link OidcClientSettings}, starting from the defaults of {@link ConfigKey} (client
 * authentication, timeouts, default token lifetime, max token size, ID-token algorithm). Not
 * thread-safe.
 */
public final class OidcClientSettingsBuilder {

  private URI tokenEndpoint;
  private URI issuer;
  private String clientId;
  private String clientSecret;
  private ClientSigningKey clientKey;
  private ClientAuthMethod clientAuth =
      ClientAuthMethod.fromKey(ConfigKey.OIDC_CLIENT_AUTH.defaultValue().orElseThrow());
  private Duration connectTimeout = ConfigKey.OIDC_CONNECT_TIMEOUT.defaultDuration();
  private Duration readTimeout = ConfigKey.OIDC_READ_TIMEOUT.defaultDuration();
  private URI jwksUri;
  private String audience;
  private String idTokenSigningAlg =
      ConfigKey.OIDC_ID_TOKEN_SIGNING_ALG.defaultValue().orElseThrow();
  private Duration defaultTokenLifetime = ConfigKey.OIDC_DEFAULT_TOKEN_LIFETIME.defaultDuration();
  private int maxTokenSize = ConfigKey.OIDC_MAX_TOKEN_SIZE.defaultInt();

  OidcClientSettingsBuilder() {}

  /** Takes issuer, token endpoint and JWK set from OpenID Connect discovery. */
  public OidcClientSettingsBuilder endpoints(ProviderEndpoints endpoints) {
    this.issuer = endpoints.issuer();
    this.tokenEndpoint = endpoints.tokenEndpoint();
    this.jwksUri = endpoints.jwksUri();
    return this;
  }

  public OidcClientSettingsBuilder tokenEndpoint(URI value) {
    this.tokenEndpoint = value;
    return this;
  }

  public OidcClientSettingsBuilder issuer(URI value) {
    this.issuer = value;
    return this;
  }

  public OidcClientSettingsBuilder clientId(String value) {
    this.clientId = value;
    return this;
  }

  public OidcClientSettingsBuilder clientSecret(String value) {
    this.clientSecret = value;
    return this;
  }

  public OidcClientSettingsBuilder clientKey(ClientSigningKey value) {
    this.clientKey = value;
    return this;
  }

  public OidcClientSettingsBuilder clientAuth(ClientAuthMethod value) {
    this.clientAuth = value;
    return this;
  }

  public OidcClientSettingsBuilder connectTimeout(Duration value) {
    this.connectTimeout = value;
    return this;
  }

  public OidcClientSettingsBuilder readTimeout(Duration value) {
    this.readTimeout = value;
    return this;
  }

  public OidcClientSettingsBuilder jwksUri(URI value) {
    this.jwksUri = value;
    return this;
  }

  public OidcClientSettingsBuilder audience(String value) {
    this.audience = value;
    return this;
  }

  public OidcClientSettingsBuilder idTokenSigningAlg(String value) {
    this.idTokenSigningAlg = value;
    return this;
  }

  public OidcClientSettingsBuilder defaultTokenLifetime(Duration value) {
    this.defaultTokenLifetime = value;
    return this;
  }

  public OidcClientSettingsBuilder maxTokenSize(int value) {
    this.maxTokenSize = value;
    return this;
  }

  /**
   * @throws IllegalArgumentException naming the configuration key of the first invalid value
   */
  public OidcClientSettings build() {
    return new OidcClientSettings(
        tokenEndpoint,
        issuer,
        clientId,
        clientSecret,
        clientKey,
        clientAuth,
        connectTimeout,
        readTimeout,
        jwksUri,
        audience,
        idTokenSigningAlg,
        defaultTokenLifetime,
        maxTokenSize);
  }
}
