package dev.tokenrefresh.internal.oidc.login;

import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_BACK_CHANNEL_LOGOUT_PATH;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_CALLBACK_PATH;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_GROUPS_CLAIM;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_LOGIN_TIMEOUT;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_LOGOUT_PATH;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_LOGOUT_TOKEN_MAX_AGE;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_MAX_SESSIONS;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_PRINCIPAL_CLAIM;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_SCOPE;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_SECURE_COOKIE;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_SESSION_INDEX_IDLE;
import static dev.tokenrefresh.core.config.ConfigKey.LOGIN_TRUST_FORWARDED_HEADERS;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The relying party's settings ({@code token-refresh.login.*}); the provider and client are the
 * module's own ({@code token-refresh.oidc.*}). Immutable and thread-safe; each message names the
 * key.
 *
 * @param callbackPath where the provider sends the browser back ({@code callback-path})
 * @param logoutPath the logout endpoint, POST only ({@code logout-path})
 * @param backChannelPath the Back-Channel Logout endpoint ({@code back-channel-logout-path})
 * @param redirectUri the absolute callback URL sent to the provider, or {@code null}: derived from
 *     the request ({@code redirect-uri})
 * @param scope the scopes asked for, must contain {@code openid} ({@code scope})
 * @param principalClaim the ID token claim that names the caller; {@code sub} when absent ({@code
 *     principal-claim})
 * @param groupsClaim the dotted claim path of the caller's groups ({@code groups-claim})
 * @param postLogoutRedirectUris where the provider may send the browser after logout; the first is
 *     the default ({@code post-logout-redirect-uris})
 * @param trustForwardedHeaders whether {@code X-Forwarded-Proto}/{@code -Host} name the address the
 *     browser used ({@code trust-forwarded-headers})
 * @param secureCookie whether the session cookie is marked {@code Secure} ({@code secure-cookie})
 * @param pendingLoginTimeout how long a login may take at the provider ({@code login-timeout})
 * @param logoutTokenMaxAge how old a logout token's {@code iat} may be ({@code
 *     logout-token-max-age})
 * @param maxSessions cap of the sessions a back-channel logout can find, and of remembered logout
 *     token ids ({@code max-sessions})
 * @param sessionIdle how long an indexed session may go unseen before the index drops it ({@code
 *     session-index-idle})
 */
public record LoginSettings(
    String callbackPath,
    String logoutPath,
    String backChannelPath,
    URI redirectUri,
    String scope,
    String principalClaim,
    String groupsClaim,
    List<URI> postLogoutRedirectUris,
    boolean trustForwardedHeaders,
    boolean secureCookie,
    Duration pendingLoginTimeout,
    Duration logoutTokenMaxAge,
    int maxSessions,
    Duration sessionIdle) {

  /** The configuration key prefix. */
  public static final String PREFIX = "token-refresh.login.";

  /** Validates every field. */
  public LoginSettings {
    path("callback-path", callbackPath);
    path("logout-path", logoutPath);
    path("back-channel-logout-path", backChannelPath);
    if (redirectUri != null) {
      absolute("redirect-uri", redirectUri);
    }
    if (scope == null || !List.of(scope.trim().split("\\s+")).contains("openid")) {
      throw new IllegalArgumentException(PREFIX + "scope must contain openid, was " + scope);
    }
    requireText("principal-claim", principalClaim);
    requireText("groups-claim", groupsClaim);
    postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    postLogoutRedirectUris.forEach(uri -> absolute("post-logout-redirect-uris", uri));
    positive("login-timeout", pendingLoginTimeout);
    positive("logout-token-max-age", logoutTokenMaxAge);
    positive("session-index-idle", sessionIdle);
    if (maxSessions < 1) {
      throw new IllegalArgumentException(PREFIX + "max-sessions must be >= 1, was " + maxSessions);
    }
  }

  /** The defaults, from {@link dev.tokenrefresh.core.config.ConfigKey}: the mapping's base. */
  public static LoginSettings defaults() {
    return new LoginSettings(
        LOGIN_CALLBACK_PATH.defaultValue().orElseThrow(),
        LOGIN_LOGOUT_PATH.defaultValue().orElseThrow(),
        LOGIN_BACK_CHANNEL_LOGOUT_PATH.defaultValue().orElseThrow(),
        null,
        LOGIN_SCOPE.defaultValue().orElseThrow(),
        LOGIN_PRINCIPAL_CLAIM.defaultValue().orElseThrow(),
        LOGIN_GROUPS_CLAIM.defaultValue().orElseThrow(),
        List.of(),
        LOGIN_TRUST_FORWARDED_HEADERS.defaultBool(),
        LOGIN_SECURE_COOKIE.defaultBool(),
        LOGIN_LOGIN_TIMEOUT.defaultDuration(),
        LOGIN_LOGOUT_TOKEN_MAX_AGE.defaultDuration(),
        LOGIN_MAX_SESSIONS.defaultInt(),
        LOGIN_SESSION_INDEX_IDLE.defaultDuration());
  }

  private static void path(String key, String value) {
    if (value == null || !value.startsWith("/") || value.startsWith("//") || value.contains("?")) {
      throw new IllegalArgumentException(
          PREFIX + key + " must be a path starting with one /, was " + value);
    }
  }

  private static void absolute(String key, URI uri) {
    Objects.requireNonNull(uri, PREFIX + key);
    String scheme = uri.getScheme();
    if (uri.getHost() == null
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException(
          PREFIX + key + " must be an absolute http(s) URL, was " + uri);
    }
  }

  private static void requireText(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(PREFIX + key + " must not be blank");
    }
  }

  private static void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(PREFIX + key + " must be a duration > 0, was " + value);
    }
  }
}
