package dev.tokenrefresh.internal.oidc.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The callback against the session's pending login: each bad callback a clear 4xx. */
class CallbackCheckTest {

  private static final URI ISSUER = URI.create("https://idp.example/realms/app");
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private final PendingLogin pending =
      PendingLogin.start(URI.create("https://app.example/oidc/callback"), "/orders?id=1", NOW);

  private static URI callback(String query) {
    return URI.create("https://app.example/oidc/callback?" + query);
  }

  private static void assertFails(Runnable check, int status, String error) {
    assertThatThrownBy(check::run)
        .isInstanceOfSatisfying(
            LoginFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(status);
              assertThat(f.error()).isEqualTo(error);
            });
  }

  @Test
  void codeOf_matchingState_yieldsTheCode() {
    assertThat(
            CallbackCheck.codeOf(
                    pending, callback("code=abc&state=" + pending.state()), ISSUER, NOW, TIMEOUT)
                .getValue())
        .isEqualTo("abc");
  }

  @Test
  void codeOf_missingState_is400() {
    assertFails(
        () -> CallbackCheck.codeOf(pending, callback("code=abc"), ISSUER, NOW, TIMEOUT),
        400,
        "invalid_state");
  }

  @Test
  void codeOf_foreignState_is400() {
    assertFails(
        () ->
            CallbackCheck.codeOf(pending, callback("code=abc&state=forged"), ISSUER, NOW, TIMEOUT),
        400,
        "invalid_state");
  }

  @Test
  void codeOf_reusedState_noPendingLoginLeft_is400() {
    // the first callback took the pending login out of the session; a replay finds none
    assertFails(
        () ->
            CallbackCheck.codeOf(
                null, callback("code=abc&state=" + pending.state()), ISSUER, NOW, TIMEOUT),
        400,
        "no_login_in_progress");
  }

  @Test
  void codeOf_loginOlderThanTimeout_is400() {
    assertFails(
        () ->
            CallbackCheck.codeOf(
                pending,
                callback("code=abc&state=" + pending.state()),
                ISSUER,
                NOW.plus(TIMEOUT).plusSeconds(1),
                TIMEOUT),
        400,
        "login_expired");
  }

  @Test
  void codeOf_anotherIssuer_is400() {
    assertFails(
        () ->
            CallbackCheck.codeOf(
                pending,
                callback("code=abc&state=" + pending.state() + "&iss=https%3A%2F%2Fevil.example"),
                ISSUER,
                NOW,
                TIMEOUT),
        400,
        "issuer_mismatch");
  }

  @Test
  void codeOf_errorWithLineBreak_is400_andNeverRepeatsIt() {
    assertThatThrownBy(
            () ->
                CallbackCheck.codeOf(
                    pending,
                    callback("error=denied%0AINFO%3A+admin+logged+in&state=" + pending.state()),
                    ISSUER,
                    NOW,
                    TIMEOUT))
        .isInstanceOfSatisfying(LoginFailure.class, f -> assertThat(f.status()).isEqualTo(400))
        .hasMessageNotContaining("admin")
        .hasMessageNotContaining("\n");
  }

  @Test
  void codeOf_providerError_is401_andNeverRepeatsARawParameter() {
    String injected = "access_denied+INFO%3A+admin+logged+in";
    assertThatThrownBy(
            () ->
                CallbackCheck.codeOf(
                    pending,
                    callback("error=" + injected + "&state=" + pending.state()),
                    ISSUER,
                    NOW,
                    TIMEOUT))
        .isInstanceOfSatisfying(LoginFailure.class, f -> assertThat(f.status()).isEqualTo(401))
        .hasMessageNotContaining("admin")
        .hasMessageNotContaining("\n")
        .hasMessageContaining("(unrecognized)");
  }

  @Test
  void codeOf_providerErrorWithPlainCode_namesTheCode() {
    assertThatThrownBy(
            () ->
                CallbackCheck.codeOf(
                    pending,
                    callback("error=access_denied&state=" + pending.state()),
                    ISSUER,
                    NOW,
                    TIMEOUT))
        .hasMessageContaining("access_denied");
  }

  @Test
  void pendingLogin_toString_showsNoSecret() {
    assertThat(pending.toString())
        .doesNotContain(pending.state())
        .doesNotContain(pending.nonce())
        .doesNotContain(pending.codeVerifier());
  }

  @Test
  void authorizationRedirect_carriesStateNonceAndS256Challenge() {
    String uri =
        AuthorizationRedirect.to(
                URI.create("https://idp.example/auth"), "client-1", "openid profile", pending)
            .toString();
    assertThat(uri)
        .contains("state=" + pending.state())
        .contains("nonce=" + pending.nonce())
        .contains("code_challenge_method=S256")
        .contains("code_challenge=")
        .doesNotContain(pending.codeVerifier())
        .contains("response_type=code");
  }
}
