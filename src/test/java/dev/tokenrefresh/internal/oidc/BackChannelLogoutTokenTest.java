package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tokenrefresh.core.support.FakeTime;
import dev.tokenrefresh.internal.oidc.login.BackChannelLogout;
import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import dev.tokenrefresh.internal.oidc.login.LogoutEvent;
import dev.tokenrefresh.internal.oidc.login.ReplayCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Back-Channel Logout 1.0 logout tokens through the real Nimbus check (signature against the
 * provider's JWK set, claims) and the module's own (size, iat window, jti replay): each bad token
 * is a 400 invalid_request whose message never holds the token.
 */
class BackChannelLogoutTokenTest {

  private final Instant now = Instant.now();
  private StubProvider stub;
  private BackChannelLogout logout;

  @BeforeEach
  void start() throws Exception {
    stub = StubProvider.start().serveJwks(SignedTokens.providerJwks());
    NimbusTokenEndpoint endpoint =
        new NimbusTokenEndpoint(
            StubFixture.settings(stub).issuer(stub.issuer()).jwksUri(stub.jwksUri()).build(),
            StubFixture.CLOCK);
    logout =
        new BackChannelLogout(
            endpoint::verifyLogoutToken,
            4096,
            Duration.ofMinutes(5),
            new ReplayCache(Duration.ofMinutes(7), 100, new FakeTime()),
            Clock.fixed(now, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  /** Sets the token's issue and expiry times, in seconds from now (negative: in the past). */
  private UnaryOperator<JWTClaimsSet.Builder> issuedAndExpiring(long issued, long expires) {
    return b ->
        b.issueTime(java.util.Date.from(now.plusSeconds(issued)))
            .expirationTime(java.util.Date.from(now.plusSeconds(expires)));
  }

  private String token(String jti, UnaryOperator<JWTClaimsSet.Builder> change) {
    return LoginTokenMint.sign(
        LoginTokenMint.logoutClaims(stub.issuer(), StubFixture.CLIENT_ID, jti, now), change);
  }

  private void assertRefused(String token, String why) {
    assertThatThrownBy(() -> logout.accept(token))
        .isInstanceOfSatisfying(
            LoginFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(400);
              assertThat(f.error()).isEqualTo("invalid_request");
            })
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(token.isEmpty() || !e.getMessage().contains(token)).isTrue());
  }

  @Test
  void accept_validToken_namesSidAndSub() {
    LogoutEvent event = logout.accept(token("jti-1", b -> b));

    assertThat(event).isEqualTo(new LogoutEvent("sid-1", "alice-sub"));
  }

  @Test
  void accept_tokenWithNonce_isRefused() {
    assertRefused(token("jti-2", b -> b.claim("nonce", "n")), "nonce");
  }

  @Test
  void accept_tokenWithoutEvents_isRefused() {
    assertRefused(token("jti-3", b -> b.claim("events", null)), "events");
  }

  @Test
  void accept_tokenWithAnotherEvent_isRefused() {
    assertRefused(
        token("jti-4", b -> b.claim("events", Map.of("urn:other-event", Map.of()))), "event");
  }

  @Test
  void accept_tokenWithoutSidOrSub_isRefused() {
    assertRefused(token("jti-5", b -> b.subject(null).claim("sid", null)), "sid");
  }

  @Test
  void accept_replayedJti_isRefused_theFirstUseAccepted() {
    String once = token("jti-6", b -> b);
    assertThat(logout.accept(once).sid()).isEqualTo("sid-1");

    assertRefused(once, "replayed");
  }

  @Test
  void accept_tokenSignedByUnknownKey_isRefused() {
    String foreign =
        SignedTokens.sign(
            SignedTokens.FOREIGN_KEY,
            LoginTokenMint.logoutClaims(stub.issuer(), StubFixture.CLIENT_ID, "jti-7", now)
                .build());
    assertRefused(foreign, "invalid logout token");
  }

  @Test
  void accept_unsignedToken_isRefused() {
    assertRefused(
        LoginTokenMint.unsigned(
            LoginTokenMint.logoutClaims(stub.issuer(), StubFixture.CLIENT_ID, "jti-8", now)
                .build()),
        "invalid logout token");
  }

  @Test
  void accept_oversizedToken_isRefused_beforeAnyCheck() {
    String big = token("jti-9", b -> b.claim("padding", "x".repeat(5000)));
    assertRefused(big, "larger than 4096");
  }

  @Test
  void accept_tokenForAnotherAudience_isRefused() {
    assertRefused(token("jti-10", b -> b.audience("another-client")), "aud");
  }

  @Test
  void accept_tokenIssuedTooLongAgo_isRefused() {
    assertRefused(token("jti-11", issuedAndExpiring(-600, 60)), "ago");
  }

  @Test
  void accept_tokenFromTheFuture_isRefused() {
    assertRefused(token("jti-12", issuedAndExpiring(600, 900)), "future");
  }

  @Test
  void accept_blank_isRefused() {
    assertRefused("", "no logout_token");
  }
}
