package dev.tokenrefresh.internal.jakarta.login;

import dev.tokenrefresh.core.config.ConfigKey;
import dev.tokenrefresh.internal.oidc.login.LoginSettings;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Maps {@code token-refresh.login.*} onto {@link LoginSettings}, the defaults where a key is
 * absent. Stateless.
 */
final class LoginSettingsMapping {

  /** Whether the login mechanism is on ({@code token-refresh.login.enabled}, default off). */
  static final String ENABLED = ConfigKey.LOGIN_ENABLED.key();

  private LoginSettingsMapping() {}

  /**
   * @throws IllegalArgumentException naming the key of an invalid value
   */
  static LoginSettings settings(ConfigReader c) {
    LoginSettings d = LoginSettings.defaults();
    String p = LoginSettings.PREFIX;
    return new LoginSettings(
        c.text(p + "callback-path").orElse(d.callbackPath()),
        c.text(p + "logout-path").orElse(d.logoutPath()),
        c.text(p + "back-channel-logout-path").orElse(d.backChannelPath()),
        c.text(p + "redirect-uri").map(v -> uri(p + "redirect-uri", v)).orElse(null),
        c.text(p + "scope").orElse(d.scope()),
        c.text(p + "principal-claim").orElse(d.principalClaim()),
        c.text(p + "groups-claim").orElse(d.groupsClaim()),
        c.text(p + "post-logout-redirect-uris")
            .map(v -> uris(p + "post-logout-redirect-uris", v))
            .orElse(d.postLogoutRedirectUris()),
        c.bool(p + "trust-forwarded-headers").orElse(d.trustForwardedHeaders()),
        c.bool(p + "secure-cookie").orElse(d.secureCookie()),
        c.duration(p + "login-timeout").orElse(d.pendingLoginTimeout()),
        c.duration(p + "logout-token-max-age").orElse(d.logoutTokenMaxAge()),
        c.integer(p + "max-sessions").orElse(d.maxSessions()),
        c.duration(p + "session-index-idle").orElse(d.sessionIdle()));
  }

  private static List<URI> uris(String key, String value) {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .map(v -> uri(key, v))
        .toList();
  }

  private static URI uri(String key, String value) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be an absolute URL, was '" + value + "'", e);
    }
  }
}
