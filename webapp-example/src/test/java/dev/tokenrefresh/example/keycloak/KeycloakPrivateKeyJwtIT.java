package dev.tokenrefresh.example.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.oidc.NimbusTokenEndpoint;
import dev.tokenrefresh.internal.oidc.OidcClientSettings;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import dev.tokenrefresh.oidc.ClientSigningKey;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code private_key_jwt} against the real Keycloak: a client registered with a public key ("Signed
 * JWT"), whose refreshes the module's token endpoint authenticates with a fresh assertion signed by
 * the private key. Keycloak's own events count what it accepted; an assertion signed by another key
 * is the negative control.
 */
class KeycloakPrivateKeyJwtIT {

  /** Per run, so that the class can run twice against one Keycloak. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static final String CLIENT_ID = "token-refresh-signed-jwt-" + RUN;
  private static final String USERNAME = "signed-jwt-user-" + RUN;
  private static final String PASSWORD = "pw-" + UUID.randomUUID();

  private static KeycloakAdmin admin;
  private static URI issuer;
  private static RSAKey clientKey;
  private static String userId;

  @BeforeAll
  static void registerTheClient() throws Exception {
    KeycloakServer keycloak = KeycloakServer.fromSystemProperties();
    RealmFile realm = RealmFile.read(keycloak.realmFile());
    admin = new KeycloakAdmin(keycloak, realm.realm());
    issuer = keycloak.issuer(realm.realm());
    clientKey =
        new RSAKeyGenerator(2048)
            .keyID("it-" + UUID.randomUUID())
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .generate();
    admin.createSignedJwtClient(
        CLIENT_ID, new JWKSet(clientKey.toPublicJWK()).toString(/* publicKeysOnly */ true));
    userId = admin.createUser(USERNAME, PASSWORD);
  }

  @Test
  void refresh_authenticatedWithASignedAssertion_isAcceptedByKeycloak_twiceInARow()
      throws Exception {
    OidcClientSettings settings = settings(clientKey);
    NimbusTokenEndpoint endpoint = new NimbusTokenEndpoint(settings, Clock.systemUTC());
    TokenSet login = signIn(settings, endpoint);
    KeycloakAdmin.RefreshEvents before = admin.settledRefreshEvents();

    TokenSet first = endpoint.refresh(login);
    TokenSet second = endpoint.refresh(first);

    KeycloakAdmin.RefreshEvents after = admin.settledRefreshEvents();
    int accepted = after.refreshesOf(userId) - before.refreshesOf(userId);
    System.out.printf(
        "KEYCLOAK-E2E private_key_jwt: 2 refreshes sent, Keycloak accepted %d, refused %d%n",
        accepted, after.errorsOf(userId) - before.errorsOf(userId));
    assertThat(accepted).as("refreshes Keycloak accepted from the signed-JWT client").isEqualTo(2);
    assertThat(after.errorsOf(userId)).isEqualTo(before.errorsOf(userId));
    assertThat(first.refreshToken()).isNotEqualTo(login.refreshToken());
    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
  }

  @Test
  void negativeControl_anAssertionSignedByAnotherKey_isRefusedByKeycloak() throws Exception {
    OidcClientSettings good = settings(clientKey);
    TokenSet login = signIn(good, new NimbusTokenEndpoint(good, Clock.systemUTC()));
    RSAKey impostor = new RSAKeyGenerator(2048).keyID(clientKey.getKeyID()).generate();
    NimbusTokenEndpoint forged = new NimbusTokenEndpoint(settings(impostor), Clock.systemUTC());

    assertThatThrownBy(() -> forged.refresh(login))
        .isInstanceOf(IdpFaultException.class)
        .hasMessageContaining("invalid_client");
  }

  private static OidcClientSettings settings(RSAKey key) throws Exception {
    return OidcClientSettings.builder()
        .issuer(issuer)
        .tokenEndpoint(URI.create(issuer + "/protocol/openid-connect/token"))
        .jwksUri(URI.create(issuer + "/protocol/openid-connect/certs"))
        .clientId(CLIENT_ID)
        .clientAuth(ClientAuthMethod.PRIVATE_KEY_JWT)
        .clientKey(new ClientSigningKey(key.toPrivateKey(), key.getKeyID(), JWSAlgorithm.RS256))
        .build();
  }

  /** The direct-access grant, authenticated like the refreshes, then the module's first set. */
  private static TokenSet signIn(OidcClientSettings settings, NimbusTokenEndpoint endpoint)
      throws Exception {
    TokenRequest request =
        new TokenRequest.Builder(
                settings.tokenEndpoint(),
                settings.authenticator(Clock.systemUTC()).next().orElseThrow(),
                new ResourceOwnerPasswordCredentialsGrant(USERNAME, new Secret(PASSWORD)))
            .scope(new Scope("openid"))
            .build();
    var response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    if (!response.indicatesSuccess()) {
      throw new IllegalStateException(
          "Keycloak refused the signed-JWT client's sign-in: "
              + response.toErrorResponse().getErrorObject().getCode());
    }
    return endpoint.fromLogin(((OIDCTokenResponse) response).getOIDCTokens());
  }
}
