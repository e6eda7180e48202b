package dev.tokenrefresh.internal.oidc;

import static dev.tokenrefresh.internal.oidc.NimbusTokenEndpointFaultTest.assertFault;
import static dev.tokenrefresh.internal.oidc.StubFixture.CLIENT_ID;
import static dev.tokenrefresh.internal.oidc.StubFixture.CLOCK;
import static dev.tokenrefresh.internal.oidc.StubFixture.NOW;
import static dev.tokenrefresh.internal.oidc.StubFixture.REFRESH_TOKEN;
import static dev.tokenrefresh.internal.oidc.StubFixture.SECRET;
import static dev.tokenrefresh.internal.oidc.StubFixture.current;
import static dev.tokenrefresh.internal.oidc.StubFixture.endpoint;
import static dev.tokenrefresh.internal.oidc.StubFixture.settings;
import static dev.tokenrefresh.internal.oidc.StubFixture.tokenJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NimbusTokenEndpointResponseTest extends WithStubProvider {

  @Test
  void refresh_withExpiresIn_expiresThatLongAfterTheClocksInstant() {
    stub.answer(200, tokenJson("opaque-access", "\"expires_in\":120,\"refresh_token\":\"rt-2\""));
    TokenSet tokens = endpoint(stub).refresh(current());
    assertThat(tokens.accessToken()).isEqualTo("opaque-access");
    assertThat(tokens.issuedAt()).isEqualTo(NOW);
    assertThat(tokens.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(120));
  }

  @Test
  void refresh_withAnExpiresInBeyondAYear_isAMalformedAnswer() {
    stub.answer(200, tokenJson("opaque-access", "\"expires_in\":10000000000000000"));
    assertFault(() -> endpoint(stub).refresh(current()), FaultKind.MALFORMED_RESPONSE, false)
        .hasMessageContaining("expires_in");
  }

  @Test
  void refresh_withAnExpiresInOfMonths_isClampedToADay() {
    stub.answer(200, tokenJson("opaque-access", "\"expires_in\":" + 90 * 86_400));
    assertThat(endpoint(stub).refresh(current()).accessTokenExpiresAt())
        .isEqualTo(NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void refresh_withAJwtExpCenturiesAhead_isClampedToADay() {
    stub.answer(200, tokenJson(SignedTokens.accessToken(NOW.plus(Duration.ofDays(365_000))), ""));
    assertThat(endpoint(stub).refresh(current()).accessTokenExpiresAt())
        .isEqualTo(NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void refresh_withoutExpiresIn_takesTheAccessTokensJwtExp() {
    Instant exp = NOW.plus(Duration.ofMinutes(7));
    stub.answer(200, tokenJson(SignedTokens.accessToken(exp), ""));
    assertThat(endpoint(stub).refresh(current()).accessTokenExpiresAt()).isEqualTo(exp);
  }

  @Test
  void refresh_withOpaqueTokenAndNoExpiresIn_usesTheDefaultLifetime() {
    stub.answer(200, tokenJson("opaque-access", ""));
    var endpoint =
        new NimbusTokenEndpoint(
            settings(stub).defaultTokenLifetime(Duration.ofSeconds(90)).build(), CLOCK);
    assertThat(endpoint.refresh(current()).accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(90));
  }

  @Test
  void refresh_whenProviderRotates_returnsNewRefreshToken() {
    stub.answer(200, tokenJson("a2", "\"expires_in\":60,\"refresh_token\":\"rt-rotated\""));
    assertThat(endpoint(stub).refresh(current()).refreshToken()).isEqualTo("rt-rotated");
  }

  @Test
  void refresh_whenProviderSendsNoRefreshToken_keepsTheCurrentOne() {
    stub.answer(200, tokenJson("a2", "\"expires_in\":60"));
    assertThat(endpoint(stub).refresh(current()).refreshToken()).isEqualTo(REFRESH_TOKEN);
  }

  @Test
  void refresh_withClientSecretBasic_sendsCredentialsOnlyInTheHeader() {
    stub.answer(200, tokenJson("a2", "\"expires_in\":60"));
    endpoint(stub).refresh(current());
    String expected =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(stub.lastAuthorization()).isEqualTo("Basic " + expected);
    assertThat(stub.lastRequestBody())
        .contains("grant_type=refresh_token")
        .contains("refresh_token=" + REFRESH_TOKEN)
        .doesNotContain(SECRET);
  }

  @Test
  void refresh_withClientSecretPost_sendsCredentialsInTheBody() {
    stub.answer(200, tokenJson("a2", "\"expires_in\":60"));
    var settings = settings(stub).clientAuth(ClientAuthMethod.CLIENT_SECRET_POST).build();
    new NimbusTokenEndpoint(settings, CLOCK).refresh(current());
    assertThat(stub.lastAuthorization()).isNull();
    assertThat(stub.lastRequestBody())
        .contains("client_id=" + CLIENT_ID)
        .contains("client_secret=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
  }

  @Test
  void refresh_asPublicClient_sendsOnlyTheClientId() {
    stub.answer(200, tokenJson("a2", "\"expires_in\":60"));
    var settings = settings(stub).clientAuth(ClientAuthMethod.NONE).clientSecret(null).build();
    new NimbusTokenEndpoint(settings, CLOCK).refresh(current());
    assertThat(stub.lastAuthorization()).isNull();
    assertThat(stub.lastRequestBody()).contains("client_id=" + CLIENT_ID).doesNotContain("secret");
  }

  @Test
  void refresh_withIdTokenSignedByTheProvidersKey_returnsIt() {
    String idToken = idTokenSignedWith(SignedTokens.PROVIDER_KEY);
    stub.answer(200, tokenJson("a2", "\"expires_in\":60,\"id_token\":\"" + idToken + "\""));
    assertThat(validatingEndpoint().refresh(current()).idToken()).isEqualTo(idToken);
  }

  @Test
  void refresh_withoutJwksConfigured_passesTheIdTokenOnUnchecked() {
    String idToken = idTokenSignedWith(SignedTokens.FOREIGN_KEY);
    stub.answer(200, tokenJson("a2", "\"expires_in\":60,\"id_token\":\"" + idToken + "\""));
    assertThat(endpoint(stub).refresh(current()).idToken()).isEqualTo(idToken);
  }

  private NimbusTokenEndpoint validatingEndpoint() {
    stub.serveJwks(SignedTokens.providerJwks());
    return new NimbusTokenEndpoint(
        settings(stub).issuer(stub.issuer()).jwksUri(stub.jwksUri()).build(), CLOCK);
  }

  private String idTokenSignedWith(com.nimbusds.jose.jwk.RSAKey key) {
    // Nimbus checks exp against the system clock, so this token's times are real ones.
    Instant realExpiry = Instant.now().plus(10, ChronoUnit.MINUTES);
    return SignedTokens.idToken(key, stub.issuer(), CLIENT_ID, realExpiry);
  }
}
