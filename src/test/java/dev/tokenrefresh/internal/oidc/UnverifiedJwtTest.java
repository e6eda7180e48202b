package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnverifiedJwtTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "opaque-access-token", "a.b", "....", "eyJ.eyJ.sig"})
  void parseAndClaims_ofWhatIsNoJwt_areEmptyNotAnError(String token) {
    assertThat(UnverifiedJwt.parse(token)).isEmpty();
    assertThat(UnverifiedJwt.claims(token)).isEmpty();
  }

  @Test
  void claims_ofAJwt_areItsClaims() {
    String token =
        new PlainJWT(
                new JWTClaimsSet.Builder()
                    .subject("alice")
                    .expirationTime(new Date(1_700_000_000_000L))
                    .build())
            .serialize();

    assertThat(UnverifiedJwt.parse(token)).isPresent();
    assertThat(UnverifiedJwt.claims(token))
        .hasValueSatisfying(
            claims -> {
              assertThat(claims.getSubject()).isEqualTo("alice");
              assertThat(claims.getExpirationTime()).isEqualTo(new Date(1_700_000_000_000L));
            });
  }

  @Test
  void claims_ofAnEncryptedJwt_areEmpty_thoughItParses() {
    String header =
        new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM).toBase64URL().toString();
    String part = Base64URL.encode("x").toString();
    String token = header + "." + part + "." + part + "." + part + "." + part;

    assertThat(UnverifiedJwt.parse(token)).isPresent();
    assertThat(UnverifiedJwt.claims(token)).isEmpty();
  }
}
