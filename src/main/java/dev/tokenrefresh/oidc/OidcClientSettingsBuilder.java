package dev.tokenrefresh.oidc;

import java.net.URI;
import java.time.Duration;

/**
 * Builds {@link OidcClientSettings}, starting from the documented defaults: {@code
 * client_secret_basic}, connect timeout 5 s, read timeout 10 s, default token lifetime 300 s, max
 * token size 16 KiB, ID tokens signed with RS256. Not thread-safe.
 */
public final class OidcClientSettingsBuilder {

  private URI tokenEndpoint;
  private URI issuer;
  private String clientId;
  private String clientSecret;
  private ClientSigningKey clientKey;
  private ClientAuthMethod clientAuth = ClientAuthMethod.CLIENT_SECRET_BASIC;
  private Duration connectTimeout = Duration.ofSeconds(4);
  private Duration readTimeout = Duration.ofSeconds(10);
  private URI jwksUri;
  private String audience;
  private String idTokenSigningAlg = "RS256";
  private Duration defaultTokenLifetime = Duration.ofSeconds(300);
  private int maxTokenSize = 16 * 1024;

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
