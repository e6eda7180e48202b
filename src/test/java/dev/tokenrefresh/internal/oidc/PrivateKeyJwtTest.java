package dev.tokenrefresh.internal.oidc;

import static dev.tokenrefresh.internal.oidc.StubFixture.CLIENT_ID;
import static dev.tokenrefresh.internal.oidc.StubFixture.CLOCK;
import static dev.tokenrefresh.internal.oidc.StubFixture.NOW;
import static dev.tokenrefresh.internal.oidc.StubFixture.current;
import static dev.tokenrefresh.internal.oidc.StubFixture.settings;
import static dev.tokenrefresh.internal.oidc.StubFixture.tokenJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import dev.tokenrefresh.oidc.ClientAuthenticator;
import dev.tokenrefresh.oidc.ClientSigningKey;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code private_key_jwt}: a fresh, signed, short-lived assertion in every token request. */
class PrivateKeyJwtTest extends WithStubProvider {

  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  @BeforeEach
  void answerWithTokens() {
    stub.answer(200, tokenJson("a2", "\"expires_in\":60"));
  }

  @Test
  void refresh_sendsAnAssertionSignedByTheClientKey_forThisClientAndThisTokenEndpoint()
      throws Exception {
    NimbusTokenEndpoint endpoint = new NimbusTokenEndpoint(rsaSettings("k1"), CLOCK);

    endpoint.refresh(current());

    Map<String, String> form = form(stub.lastRequestBody());
    assertThat(stub.lastAuthorization()).isNull();
    assertThat(form).doesNotContainKey("client_secret");
    assertThat(form.get("client_assertion_type")).isEqualTo(ASSERTION_TYPE);
    SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
    assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) ClientKeys.RSA.getPublic())))
        .isTrue();
    assertThat(assertion.getHeader().getKeyID()).isEqualTo("k1");
    assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    JWTClaimsSet claims = assertion.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(CLIENT_ID);
    assertThat(claims.getSubject()).isEqualTo(CLIENT_ID);
    assertThat(claims.getAudience()).containsExactly(stub.tokenEndpoint().toString());
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getExpirationTime().toInstant())
        .isEqualTo(NOW.plus(ClientAuthenticator.ASSERTION_LIFETIME));
    assertThat(claims.getJWTID()).isNotBlank();
  }

  @Test
  void refresh_twice_neverSendsTheSameAssertionAgain() throws Exception {
    NimbusTokenEndpoint endpoint = new NimbusTokenEndpoint(rsaSettings(null), CLOCK);

    endpoint.refresh(current());
    String first = form(stub.lastRequestBody()).get("client_assertion");
    endpoint.refresh(current());
    String second = form(stub.lastRequestBody()).get("client_assertion");

    assertThat(second).isNotEqualTo(first);
    assertThat(SignedJWT.parse(second).getJWTClaimsSet().getJWTID())
        .isNotEqualTo(SignedJWT.parse(first).getJWTClaimsSet().getJWTID());
  }

  @Test
  void refresh_withAnEcKey_signsWithTheCurvesAlgorithm() throws Exception {
    ClientSigningKey key =
        ClientSigningKey.parse(ClientKeys.pkcs8Pem(ClientKeys.EC_P384.getPrivate()), null, null);
    var settings =
        settings(stub)
            .clientAuth(ClientAuthMethod.PRIVATE_KEY_JWT)
            .clientSecret(null)
            .clientKey(key)
            .build();

    new NimbusTokenEndpoint(settings, CLOCK).refresh(current());

    SignedJWT assertion = SignedJWT.parse(form(stub.lastRequestBody()).get("client_assertion"));
    assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("ES384");
    assertThat(assertion.verify(new ECDSAVerifier((ECPublicKey) ClientKeys.EC_P384.getPublic())))
        .isTrue();
  }

  @Test
  void settings_privateKeyJwtWithoutAKey_isRefusedNamingTheKeys() {
    assertThatThrownBy(
            () ->
                settings(stub)
                    .clientAuth(ClientAuthMethod.PRIVATE_KEY_JWT)
                    .clientSecret(null)
                    .build())
        .hasMessageContaining("token-refresh.oidc.client-key or token-refresh.oidc.client-key-file")
        .hasMessageContaining("private_key_jwt");
  }

  @Test
  void settings_aKeyWithASecretMethod_isRefused_soAForgottenSwitchIsNoticed() {
    assertThatThrownBy(
            () -> settings(stub).clientKey(ClientSigningKey.parse(pem(), null, null)).build())
        .hasMessageContaining("client-key and client-key-file are for client-auth private_key_jwt")
        .hasMessageContaining("client_secret_basic");
  }

  @Test
  void settings_toString_showsNeitherTheKeyNorTheAssertion() {
    OidcClientSettings settings = rsaSettings("k1");

    assertThat(settings.toString())
        .contains("clientAuth=private_key_jwt", "key=[redacted]")
        .doesNotContain(ClientKeys.encoded(ClientKeys.RSA.getPrivate()).substring(0, 40));
    assertThat(settings.authenticator(CLOCK).toString()).contains("key=[redacted]");
  }

  private OidcClientSettings rsaSettings(String keyId) {
    return settings(stub)
        .clientAuth(ClientAuthMethod.PRIVATE_KEY_JWT)
        .clientSecret(null)
        .clientKey(ClientSigningKey.parse(pem(), keyId, null))
        .build();
  }

  private static String pem() {
    return ClientKeys.pkcs8Pem(ClientKeys.RSA.getPrivate());
  }

  private static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }
}
