package dev.tokenrefresh.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokenrefresh.internal.oidc.ClientKeys;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class ClientSigningKeyTest {

  private static final String RSA_PEM = ClientKeys.pkcs8Pem(ClientKeys.RSA.getPrivate());

  @Test
  void parse_pkcs8RsaPem_signsWithRs256ByDefault() {
    ClientSigningKey key = ClientSigningKey.parse(RSA_PEM, "k1", null);

    assertThat(key.privateKey()).isEqualTo(ClientKeys.RSA.getPrivate());
    assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(key.keyId()).isEqualTo("k1");
  }

  @Test
  void parse_pkcs8EcPem_takesTheAlgorithmOfItsCurve() {
    ClientSigningKey key =
        ClientSigningKey.parse(ClientKeys.pkcs8Pem(ClientKeys.EC_P384.getPrivate()), null, " ");

    assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.ES384);
    assertThat(key.keyId()).isNull();
  }

  @Test
  void parse_privateJwk_takesItsKidAndAlg_unlessConfiguredOtherwise() {
    String jwk =
        new RSAKey.Builder((RSAPublicKey) ClientKeys.RSA.getPublic())
            .privateKey((RSAPrivateKey) ClientKeys.RSA.getPrivate())
            .keyID("jwk-kid")
            .algorithm(JWSAlgorithm.PS256)
            .build()
            .toJSONString();

    ClientSigningKey own = ClientSigningKey.parse(jwk, null, null);
    ClientSigningKey overridden = ClientSigningKey.parse(jwk, "other", "RS512");

    assertThat(own.keyId()).isEqualTo("jwk-kid");
    assertThat(own.algorithm()).isEqualTo(JWSAlgorithm.PS256);
    assertThat(overridden.keyId()).isEqualTo("other");
    assertThat(overridden.algorithm()).isEqualTo(JWSAlgorithm.RS512);
  }

  @Test
  void parse_publicJwk_isRefused_becauseOnlyAPrivateKeyCanSign() {
    String jwk = new RSAKey.Builder((RSAPublicKey) ClientKeys.RSA.getPublic()).build().toString();

    assertThatThrownBy(() -> ClientSigningKey.parse(jwk, null, null))
        .hasMessageContaining("token-refresh.oidc.client-key is a public JWK");
  }

  @Test
  void parse_pkcs1Pem_isRefusedWithTheCommandThatConvertsIt() {
    String pkcs1 = RSA_PEM.replace("PRIVATE KEY", "RSA PRIVATE KEY");

    assertThatThrownBy(() -> ClientSigningKey.parse(pkcs1, null, null))
        .hasMessageContaining("PKCS#1")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void parse_garbage_isRefused_withoutQuotingIt() {
    String damaged = RSA_PEM.replace("A", "*");

    assertThatThrownBy(() -> ClientSigningKey.parse(damaged, null, null))
        .hasMessageStartingWith("token-refresh.oidc.client-key ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("*"));
    assertThatThrownBy(() -> ClientSigningKey.parse("{\"kty\":", null, null))
        .hasMessage("token-refresh.oidc.client-key is not a valid JWK (JSON Web Key)");
    assertThatThrownBy(() -> ClientSigningKey.parse("just-a-secret", null, null))
        .hasMessageContaining("must be a PKCS#8 PEM block")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("just-a-secret"));
  }

  @Test
  void anAlgorithmThatDoesNotFitTheKey_isRefused() {
    assertThatThrownBy(() -> ClientSigningKey.parse(RSA_PEM, null, "ES256"))
        .hasMessageContaining("client-key-alg ES256 does not fit a RSA key");
    assertThatThrownBy(() -> ClientSigningKey.parse(RSA_PEM, null, "HS256"))
        .hasMessageContaining("client-key-alg HS256 does not fit");
  }

  @Test
  void toString_namesTypeKidAndAlgorithm_neverTheKey() {
    ClientSigningKey key = ClientSigningKey.parse(RSA_PEM, "k1", null);

    assertThat(key.toString())
        .isEqualTo("ClientSigningKey[type=RSA, keyId=k1, algorithm=RS256, key=[redacted]]")
        .doesNotContain(ClientKeys.encoded(ClientKeys.RSA.getPrivate()).substring(0, 40));
  }
}
