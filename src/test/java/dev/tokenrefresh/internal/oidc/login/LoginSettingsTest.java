package dev.tokenrefresh.internal.oidc.login;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid login settings name their key. */
class LoginSettingsTest {

  private static LoginSettings with(String callback, String scope, List<URI> after) {
    return new LoginSettings(
        callback,
        "/oidc/logout",
        "/oidc/bcl",
        null,
        scope,
        "sub",
        "groups",
        after,
        false,
        false,
        Duration.ofMinutes(1),
        Duration.ofMinutes(1),
        10,
        Duration.ofHours(1));
  }

  @Test
  void protocolRelativeCallbackPath_isRefused() {
    assertThatThrownBy(() -> with("//evil.example", "openid", List.of()))
        .hasMessageContaining("token-refresh.login.callback-path");
  }

  @Test
  void scopeWithoutOpenid_isRefused() {
    assertThatThrownBy(() -> with("/cb", "profile", List.of()))
        .hasMessageContaining("token-refresh.login.scope");
  }

  @Test
  void relativePostLogoutRedirect_isRefused() {
    assertThatThrownBy(() -> with("/cb", "openid", List.of(URI.create("/bye"))))
        .hasMessageContaining("token-refresh.login.post-logout-redirect-uris");
  }
}
