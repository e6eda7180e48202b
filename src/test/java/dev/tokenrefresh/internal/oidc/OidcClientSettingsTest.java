package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.oidc.ClientAuthMethod;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OidcClientSettingsTest {

  private static OidcClientSettingsBuilder valid() {
    return OidcClientSettings.builder()
        .tokenEndpoint(URI.create("https://idp.example/token"))
        .clientId("app")
        .clientSecret("s3cret-value");
  }

  /** A valid client of {@code issuer}, with its token endpoint and JWK set under the issuer. */
  private static OidcClientSettingsBuilder validOf(String issuer) {
    return valid()
        .issuer(URI.create(issuer))
        .tokenEndpoint(URI.create(issuer + "/token"))
        .jwksUri(URI.create(issuer + "/jwks"));
  }

  @Test
  void build_withOnlyRequiredValues_appliesTheDocumentedDefaults() {
    OidcClientSettings settings = valid().build();
    assertThat(settings.clientAuth()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.defaultTokenLifetime()).isEqualTo(Duration.ofSeconds(300));
    assertThat(settings.maxTokenSize()).isEqualTo(16 * 1024);
    assertThat(settings.audience()).isEqualTo("app");
    assertThat(settings.idTokenSigningAlg()).isEqualTo("RS256");
  }

  @Test
  void build_withoutClientId_namesTheKey() {
    assertThatThrownBy(() -> valid().clientId(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token-refresh.oidc.client-id must be set");
  }

  @Test
  void build_withoutTokenEndpoint_namesTheKey() {
    assertThatThrownBy(() -> valid().tokenEndpoint(null).build())
        .hasMessage("token-refresh.oidc.token-endpoint must be set");
  }

  @Test
  void build_withNonHttpTokenEndpoint_namesTheKeyAndValue() {
    assertThatThrownBy(() -> valid().tokenEndpoint(URI.create("ftp://idp/token")).build())
        .hasMessage(
            "token-refresh.oidc.token-endpoint must be an absolute http(s) URI, was ftp://idp/token");
  }

  @Test
  void build_withSecretAuthButNoSecret_namesTheKey() {
    assertThatThrownBy(() -> valid().clientSecret(null).build())
        .hasMessage(
            "token-refresh.oidc.client-secret must be set when client-auth is client_secret_basic");
  }

  @Test
  void build_asPublicClientWithSecret_isRejected() {
    assertThatThrownBy(() -> valid().clientAuth(ClientAuthMethod.NONE).build())
        .hasMessageStartingWith("token-refresh.oidc.client-secret must not be set");
  }

  @Test
  void build_withZeroReadTimeout_namesTheKeyAndValue() {
    assertThatThrownBy(() -> valid().readTimeout(Duration.ZERO).build())
        .hasMessage("token-refresh.oidc.read-timeout must be a duration > 0, was PT0S");
  }

  @Test
  void build_withTinyMaxTokenSize_namesTheKey() {
    assertThatThrownBy(() -> valid().maxTokenSize(10).build())
        .hasMessage(
            "token-refresh.oidc.max-token-size must be between 256 and 262144 (an answer is read"
                + " up to 4 x max-token-size + 8 KiB), was 10");
  }

  @Test
  void build_withAMaxTokenSizeWhoseBodyLimitWouldOverflow_namesTheKey() {
    // 4 * 600 000 000 + 8192 overflows an int: every answer would have been "too large".
    assertThatThrownBy(() -> valid().maxTokenSize(600_000_000).build())
        .hasMessageStartingWith("token-refresh.oidc.max-token-size must be between 256 and 262144")
        .hasMessageEndingWith("was 600000000");
  }

  @Test
  void build_withTheLargestMaxTokenSize_isAccepted() {
    assertThat(valid().maxTokenSize(262_144).build().maxTokenSize()).isEqualTo(262_144);
  }

  @Test
  void build_withPlainHttpTokenEndpointOfAnHttpsIssuer_isRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                valid()
                    .issuer(URI.create("https://idp.example/realms/a"))
                    .tokenEndpoint(URI.create("http://idp.example/realms/a/token"))
                    .build())
        .hasMessageStartingWith(
            "token-refresh.oidc.token-endpoint must be https like the issuer"
                + " (https://idp.example/realms/a), was http://idp.example/realms/a/token");
  }

  @Test
  void build_withPlainHttpJwksOfAnHttpsIssuer_isRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                validOf("https://idp.example/realms/a")
                    .jwksUri(URI.create("http://idp.example/realms/a/certs"))
                    .build())
        .hasMessageStartingWith("token-refresh.oidc.jwks-uri must be https like the issuer");
  }

  @Test
  void build_withPlainHttpIssuerAndEndpoints_isAccepted() {
    OidcClientSettings settings = validOf("http://127.0.0.1:9400/demo").build();
    assertThat(settings.tokenEndpoint().getScheme()).isEqualTo("http");
  }

  @Test
  void build_withJwksButNoIssuer_namesTheIssuerKey() {
    assertThatThrownBy(() -> valid().jwksUri(URI.create("https://idp.example/jwks")).build())
        .hasMessage("token-refresh.oidc.issuer must be set when jwks-uri is set");
  }

  @Test
  void build_withSymmetricIdTokenAlgorithm_namesTheKey() {
    assertThatThrownBy(() -> valid().idTokenSigningAlg("HS256").build())
        .hasMessageStartingWith("token-refresh.oidc.id-token-signing-alg must be an asymmetric");
  }

  @Test
  void requireWithin_whenConnectPlusReadReachTheCallTimeout_namesAllKeys() {
    OidcClientSettings settings =
        valid().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(20)).build();
    assertThatThrownBy(() -> settings.requireWithin(Duration.ofSeconds(30)))
        .hasMessageContaining("token-refresh.oidc.connect-timeout")
        .hasMessageContaining("token-refresh.oidc.read-timeout")
        .hasMessageContaining("token-refresh.timeout");
  }

  @Test
  void requireWithin_withJwks_countsTheJwksFetchInsideTheRefresh() {
    // 2 + 10 = 12 s fit a 20 s timeout for the token request alone, not with the JWK set fetch.
    OidcClientSettings settings =
        validOf("https://idp.example")
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(10))
            .build();
    assertThatThrownBy(() -> settings.requireWithin(Duration.ofSeconds(20)))
        .hasMessage(
            "twice (token-refresh.oidc.connect-timeout plus token-refresh.oidc.read-timeout) (the"
                + " token request, then the JWK set fetch) must be below token-refresh.timeout"
                + " (PT20S), was PT24S");
    settings.requireWithin(Duration.ofSeconds(25));
  }

  @Test
  void requireWithin_withJwksAndDefaults_fitsTheCoordinatorsDefaultTimeout() {
    validOf("https://idp.example").build().requireWithin(Duration.ofSeconds(30));
  }

  @Test
  void requireWithin_withDefaults_fitsTheCoordinatorsDefaultTimeout() {
    valid().build().requireWithin(Duration.ofSeconds(30));
  }

  @Test
  void fromKey_withUnknownMethod_listsTheAcceptedOnes() {
    assertThat(ClientAuthMethod.fromKey("Client_Secret_Post"))
        .isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
    assertThat(ClientAuthMethod.fromKey("private_key_jwt"))
        .isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
    assertThatThrownBy(() -> ClientAuthMethod.fromKey("client_secret_jwt"))
        .hasMessage(
            "token-refresh.oidc.client-auth must be one of client_secret_basic,"
                + " client_secret_post, private_key_jwt, none, was client_secret_jwt");
  }

  @Test
  void toString_redactsTheClientSecret() {
    assertThat(valid().build().toString())
        .contains("clientSecret=[redacted]")
        .doesNotContain("s3cret-value");
  }
}
