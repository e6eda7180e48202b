package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refreshes against a real (in-process) OpenID Connect provider that rotates refresh tokens. */
class NimbusTokenEndpointProviderTest {

  private static final String ISSUER_ID = "default";
  private static final String CLIENT_ID = "filter-client";
  private static final String SECRET = "mock-secret";
  private static MockOAuth2Server provider;

  @BeforeAll
  static void startProvider() throws Exception {
    provider =
        new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"rotateRefreshToken\": true}"));
    provider.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterAll
  static void stopProvider() {
    provider.shutdown();
  }

  @Test
  void refresh_withValidGrant_returnsFreshTokensExpiringAfterTheClocksInstant() throws Exception {
    TokenSet login = login();
    Instant now = Instant.parse("2030-06-01T12:00:00Z");
    var endpoint = new NimbusTokenEndpoint(settings().build(), Clock.fixed(now, ZoneOffset.UTC));

    TokenSet refreshed = endpoint.refresh(login);

    assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(login.accessToken());
    assertThat(refreshed.issuedAt()).isEqualTo(now);
    assertThat(refreshed.accessTokenExpiresAt()).isAfter(now);
  }

  @Test
  void refresh_whenProviderRotates_returnsNewRefreshToken() throws Exception {
    TokenSet login = login();
    TokenSet refreshed = endpoint(settings().build()).refresh(login);
    assertThat(refreshed.refreshToken()).isNotBlank().isNotEqualTo(login.refreshToken());
  }

  @Test
  void refresh_withProvidersJwks_acceptsItsIdToken() throws Exception {
    TokenSet login = login();
    TokenSet refreshed = endpoint(validating().build()).refresh(login);
    assertThat(refreshed.idToken()).isNotBlank().isNotEqualTo(login.idToken());
  }

  @Test
  void refresh_withRotatedAwayToken_isGrantRevoked() throws Exception {
    TokenSet login = login();
    var endpoint = endpoint(settings().build());
    endpoint.refresh(login);
    assertThatThrownBy(() -> endpoint.refresh(login))
        .isExactlyInstanceOf(GrantRevokedException.class);
  }

  @Test
  void refresh_withProvidersJwksButAnotherAudience_keepsTheRotatedTokensButNotTheIdToken()
      throws Exception {
    TokenSet login = login();
    var endpoint = endpoint(validating().audience("another-client").build());
    TokenSet refreshed = endpoint.refresh(login);
    assertThat(refreshed.accessToken()).isNotEqualTo(login.accessToken());
    assertThat(refreshed.idToken()).isEqualTo(login.idToken());
  }

  @Test
  void refresh_withClientSecretPost_succeeds() throws Exception {
    var settings = settings().clientAuth(ClientAuthMethod.CLIENT_SECRET_POST).build();
    assertThat(endpoint(settings).refresh(login()).accessToken()).isNotBlank();
  }

  @Test
  void discover_withIssuer_resolvesTokenEndpointAndJwks() {
    URI issuer = provider.issuerUrl(ISSUER_ID).uri();
    ProviderEndpoints endpoints =
        new ProviderDiscovery(Duration.ofSeconds(10), Duration.ofSeconds(10)).discover(issuer);
    assertThat(endpoints.tokenEndpoint()).isEqualTo(provider.tokenEndpointUrl(ISSUER_ID).uri());
    assertThat(endpoints.jwksUri()).isEqualTo(provider.jwksUrl(ISSUER_ID).uri());
  }

  @Test
  void refresh_withDiscoveredEndpoints_validatesTheIdToken() throws Exception {
    ProviderEndpoints endpoints =
        new ProviderDiscovery(Duration.ofSeconds(10), Duration.ofSeconds(10))
            .discover(provider.issuerUrl(ISSUER_ID).uri());
    var settings =
        OidcClientSettings.builder().endpoints(endpoints).clientId(CLIENT_ID).clientSecret(SECRET);
    assertThat(endpoint(settings.build()).refresh(login()).idToken()).isNotBlank();
  }

  private static TokenSet login() throws Exception {
    return MockProviderLogin.login(provider, ISSUER_ID, CLIENT_ID, SECRET);
  }

  private static NimbusTokenEndpoint endpoint(OidcClientSettings settings) {
    return new NimbusTokenEndpoint(settings, Clock.systemUTC());
  }

  private static OidcClientSettingsBuilder settings() {
    return OidcClientSettings.builder()
        .tokenEndpoint(provider.tokenEndpointUrl(ISSUER_ID).uri())
        .clientId(CLIENT_ID)
        .clientSecret(SECRET);
  }

  private static OidcClientSettingsBuilder validating() {
    return settings()
        .issuer(provider.issuerUrl(ISSUER_ID).uri())
        .jwksUri(provider.jwksUrl(ISSUER_ID).uri());
  }
}
