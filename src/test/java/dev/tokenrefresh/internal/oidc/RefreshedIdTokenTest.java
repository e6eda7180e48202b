package dev.tokenrefresh.internal.oidc;

import static dev.tokenrefresh.internal.oidc.StubFixture.CLIENT_ID;
import static dev.tokenrefresh.internal.oidc.StubFixture.CLOCK;
import static dev.tokenrefresh.internal.oidc.StubFixture.NOW;
import static dev.tokenrefresh.internal.oidc.StubFixture.REFRESH_TOKEN;
import static dev.tokenrefresh.internal.oidc.StubFixture.settings;
import static dev.tokenrefresh.internal.oidc.StubFixture.tokenJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.token.TokenSet;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a refresh does with the ID token the provider sends: the rotation already happened at the
 * provider, so the new access and refresh tokens are kept unless the ID token names another user.
 */
class RefreshedIdTokenTest {

  private StubProvider stub;
  private NimbusTokenEndpoint endpoint;
  private TokenSet current;

  @BeforeEach
  void start() throws IOException {
    stub = StubProvider.start();
    stub.serveJwks(SignedTokens.providerJwks());
    endpoint =
        new NimbusTokenEndpoint(
            settings(stub).issuer(stub.issuer()).jwksUri(stub.jwksUri()).build(), CLOCK);
    current =
        new TokenSet(
            "current-access",
            REFRESH_TOKEN,
            idToken(SignedTokens.PROVIDER_KEY, "alice"),
            NOW,
            NOW.minusSeconds(300));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void
      refresh_withAnIdTokenThatFailsItsSignatureCheck_keepsTheRotatedTokensAndThePreviousIdToken() {
    answerWith(idToken(SignedTokens.FOREIGN_KEY, "alice"));

    TokenSet refreshed = endpoint.refresh(current);

    assertThat(refreshed.accessToken()).isEqualTo("a2");
    assertThat(refreshed.refreshToken()).isEqualTo("r2");
    assertThat(refreshed.idToken()).isEqualTo(current.idToken());
  }

  @Test
  void refresh_whenTheJwksCannotBeFetched_keepsTheRotatedTokensAndThePreviousIdToken() {
    stub.serveJwks("<html>bad gateway</html>");
    answerWith(idToken(SignedTokens.PROVIDER_KEY, "alice"));

    TokenSet refreshed = endpoint.refresh(current);

    assertThat(refreshed.refreshToken()).isEqualTo("r2");
    assertThat(refreshed.idToken()).isEqualTo(current.idToken());
  }

  @Test
  void refresh_afterTheProviderRotatedItsSigningKey_refetchesTheJwksForTheUnknownKeyId() {
    answerWith(idToken(SignedTokens.PROVIDER_KEY, "alice"));
    endpoint.refresh(current); // loads the JWK set into Nimbus's cache
    RSAKey rotatedKey = SignedTokens.generate("rotated-key");
    stub.serveJwks(
        new JWKSet(List.of(SignedTokens.PROVIDER_KEY.toPublicJWK(), rotatedKey.toPublicJWK()))
            .toString());
    String signedByNewKey = idToken(rotatedKey, "alice");
    answerWith(signedByNewKey);

    assertThat(endpoint.refresh(current).idToken()).isEqualTo(signedByNewKey);
  }

  @Test
  void refresh_withAnIdTokenForAnotherSubject_isRefusedAsADeadGrant() {
    answerWith(idToken(SignedTokens.PROVIDER_KEY, "mallory"));

    assertThatThrownBy(() -> endpoint.refresh(current))
        .isInstanceOf(GrantRevokedException.class)
        .hasMessageNotContaining("mallory");
  }

  @Test
  void refresh_withAnOversizedIdToken_keepsTheRotatedTokensAndThePreviousIdToken() {
    answerWith(
        new PlainJWT(new JWTClaimsSet.Builder().claim("pad", "x".repeat(16 * 1024)).build())
            .serialize());

    TokenSet refreshed = endpoint.refresh(current);

    assertThat(refreshed.refreshToken()).isEqualTo("r2");
    assertThat(refreshed.idToken()).isEqualTo(current.idToken());
  }

  private void answerWith(String idToken) {
    stub.answer(
        200,
        tokenJson(
            "a2", "\"expires_in\":60,\"refresh_token\":\"r2\",\"id_token\":\"" + idToken + "\""));
  }

  private String idToken(RSAKey key, String subject) {
    // Nimbus checks exp against the system clock, so this token's times are real ones.
    Instant realExpiry = Instant.now().plus(10, ChronoUnit.MINUTES);
    return SignedTokens.idToken(key, stub.issuer(), subject, CLIENT_ID, realExpiry);
  }
}
