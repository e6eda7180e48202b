package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.tokenrefresh.core.error.GrantRevokedException;
import java.net.URI;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The code exchange of a login: PKCE verifier and redirect URI sent, the ID token validated against
 * the login's nonce, the client and the provider's keys; every bad ID token refused.
 */
class CodeRedemptionTest {

  private static final URI REDIRECT = URI.create("http://127.0.0.1/app/oidc/callback");
  private static final Nonce NONCE = new Nonce("nonce-of-this-login");
  private static final CodeVerifier VERIFIER = new CodeVerifier();

  private StubProvider stub;
  private NimbusTokenEndpoint endpoint;

  @BeforeEach
  void start() throws Exception {
    stub = StubProvider.start().serveJwks(SignedTokens.providerJwks());
    endpoint =
        new NimbusTokenEndpoint(
            StubFixture.settings(stub).issuer(stub.issuer()).jwksUri(stub.jwksUri()).build(),
            StubFixture.CLOCK);
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  /** The claims of a valid ID token of this login, issued now. */
  private JWTClaimsSet.Builder idClaims() {
    return LoginTokenMint.idClaims(
        stub.issuer(), StubFixture.CLIENT_ID, NONCE.getValue(), Instant.now());
  }

  private String idToken(UnaryOperator<JWTClaimsSet.Builder> change) {
    return LoginTokenMint.sign(idClaims(), change);
  }

  private LoginTokens redeemAnswering(String idToken) {
    stub.answer(200, LoginTokenMint.tokenJson(idToken));
    return endpoint.redeem(new AuthorizationCode("code-1"), REDIRECT, VERIFIER, NONCE);
  }

  @Test
  void redeem_validIdToken_yieldsTokensAndClaims_andSendsVerifierAndRedirect() {
    LoginTokens tokens = redeemAnswering(idToken(b -> b));

    assertThat(tokens.tokens().refreshToken()).isEqualTo("refresh-1");
    assertThat(tokens.idTokenClaims().getSubject()).isEqualTo("alice-sub");
    assertThat(stub.lastRequestBody())
        .contains("grant_type=authorization_code")
        .contains("code_verifier=" + VERIFIER.getValue())
        .contains("redirect_uri=");
    assertThat(tokens.toString()).doesNotContain("refresh-1").doesNotContain("access-1");
  }

  @Test
  void redeem_wrongNonce_isRejected_andTheMessageHoldsNoToken() {
    String token = idToken(b -> b.claim("nonce", "another-login"));
    assertThatThrownBy(() -> redeemAnswering(token))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining("nonce")
        .hasMessageNotContaining(token)
        .hasMessageNotContaining("refresh-1")
        .hasMessageNotContaining(StubFixture.SECRET);
  }

  @Test
  void redeem_missingNonce_isRejected() {
    assertThatThrownBy(() -> redeemAnswering(idToken(b -> b.claim("nonce", null))))
        .isInstanceOf(TokenRejectedException.class);
  }

  @Test
  void redeem_wrongAudience_isRejected() {
    assertThatThrownBy(() -> redeemAnswering(idToken(b -> b.audience("another-client"))))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining("aud");
  }

  @Test
  void redeem_foreignAuthorizedParty_isRejected() {
    assertThatThrownBy(() -> redeemAnswering(idToken(b -> b.claim("azp", "another-client"))))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining("azp");
  }

  @Test
  void redeem_expiredIdToken_isRejected() {
    Instant old = Instant.now().minusSeconds(3600);
    assertThatThrownBy(
            () ->
                redeemAnswering(
                    idToken(
                        b ->
                            b.issueTime(java.util.Date.from(old))
                                .expirationTime(java.util.Date.from(old.plusSeconds(300))))))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining("xpired");
  }

  @Test
  void redeem_unsignedIdToken_algNone_isRejected() {
    String none = LoginTokenMint.unsigned(idClaims().build());
    assertThatThrownBy(() -> redeemAnswering(none)).isInstanceOf(TokenRejectedException.class);
  }

  @Test
  void redeem_idTokenSignedByForeignKey_isRejected() {
    String foreign = SignedTokens.sign(SignedTokens.FOREIGN_KEY, idClaims().build());
    assertThatThrownBy(() -> redeemAnswering(foreign)).isInstanceOf(TokenRejectedException.class);
  }

  @Test
  void redeem_codeReplayed_providerSaysInvalidGrant_isGrantRevoked() {
    stub.answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid\"}");
    assertThatThrownBy(
            () -> endpoint.redeem(new AuthorizationCode("used-code"), REDIRECT, VERIFIER, NONCE))
        .isInstanceOf(GrantRevokedException.class);
  }

  @Test
  void redeem_noIdToken_isMalformed() {
    stub.answer(200, StubFixture.tokenJson("access-1", "\"refresh_token\":\"r\""));
    assertThatThrownBy(
            () -> endpoint.redeem(new AuthorizationCode("code-1"), REDIRECT, VERIFIER, NONCE))
        .isInstanceOf(dev.tokenrefresh.core.error.IdpFaultException.class)
        .hasMessageContaining("no ID token");
  }

  @Test
  void redeem_redirectFromTokenEndpoint_isNotFollowed() {
    stub.answer(302, "text/plain", "moved");
    assertThatThrownBy(
            () -> endpoint.redeem(new AuthorizationCode("code-1"), REDIRECT, VERIFIER, NONCE))
        .isInstanceOf(dev.tokenrefresh.core.error.IdpFaultException.class);
    assertThat(stub.lastRequestBody()).contains("code=code-1");
  }
}
