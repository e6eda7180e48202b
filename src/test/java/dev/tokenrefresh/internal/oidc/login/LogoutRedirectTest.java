package dev.tokenrefresh.internal.oidc.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RP-initiated logout: the post-logout redirect is one of the configured URIs, or refused. */
class LogoutRedirectTest {

  private static final List<URI> ALLOWED =
      List.of(URI.create("https://app.example/bye"), URI.create("https://app.example/"));

  @Test
  void afterLogout_anotherHost_is400() {
    assertThatThrownBy(() -> LogoutRedirect.afterLogout("https://evil.example/bye", ALLOWED))
        .isInstanceOfSatisfying(
            LoginFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(400);
              assertThat(f.error()).isEqualTo("invalid_post_logout_redirect");
            });
  }

  @Test
  void afterLogout_sameHostButNotConfigured_is400() {
    assertThatThrownBy(() -> LogoutRedirect.afterLogout("https://app.example/other", ALLOWED))
        .isInstanceOf(LoginFailure.class);
  }

  @Test
  void afterLogout_noneConfigured_refusesAnyRequested() {
    assertThatThrownBy(() -> LogoutRedirect.afterLogout("/relative", List.of()))
        .isInstanceOf(LoginFailure.class);
    assertThat(LogoutRedirect.afterLogout(null, List.of())).isEmpty();
  }

  @Test
  void afterLogout_configured_isChosen_defaultIsTheFirst() {
    assertThat(LogoutRedirect.afterLogout("https://app.example/", ALLOWED))
        .contains(URI.create("https://app.example/"));
    assertThat(LogoutRedirect.afterLogout(null, ALLOWED)).contains(ALLOWED.get(0));
  }

  @Test
  void target_withEndSession_sendsHintClientAndRedirect() {
    String idToken =
        new com.nimbusds.jwt.PlainJWT(
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("alice").build())
            .serialize();
    URI target =
        LogoutRedirect.target(
            Optional.of(URI.create("https://idp.example/logout")),
            idToken,
            "client-1",
            Optional.of(ALLOWED.get(0)),
            URI.create("/app/"));
    assertThat(target.toString())
        .startsWith("https://idp.example/logout?")
        .contains("id_token_hint=")
        .contains("client_id=client-1")
        .contains("post_logout_redirect_uri=https%3A%2F%2Fapp.example%2Fbye");
  }

  @Test
  void target_withoutEndSession_goesToTheStartPage() {
    assertThat(
            LogoutRedirect.target(
                Optional.empty(), null, "client-1", Optional.empty(), URI.create("/app/")))
        .isEqualTo(URI.create("/app/"));
  }
}
