package dev.tokenrefresh.internal.jakarta.filter;

import dev.tokenrefresh.core.config.ConfigKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The filter's own settings ({@code token-refresh.*}), validated once. Immutable and thread-safe.
 *
 * @param enabled whether the filter acts at all ({@code token-refresh.enabled})
 * @param refreshAhead refresh when the access token expires within this margin (capped at half the
 *     token's lifetime) ({@code token-refresh.refresh-ahead})
 * @param excludedPaths paths within the application that pass through untouched, with every path
 *     below them, matched on whole segments of the decoded path ({@code
 *     token-refresh.exclude-paths})
 * @param loginPath where browser navigations go when the grant is dead; empty for a plain 401
 *     ({@code token-refresh.login-path})
 * @param bearerHeader whether the request seen by the application carries {@code Authorization:
 *     Bearer <access token>} ({@code token-refresh.bearer-header})
 * @param waitTimeout how long a request waits for its refresh: the coordinator's timeout plus a
 *     small margin, so that the coordinator's own timeout answer normally arrives first
 * @param maxSuspended requests suspended waiting for refreshes, in total ({@code
 *     token-refresh.max-suspended})
 * @param maxSuspendedPerFlight requests suspended on one refresh ({@code
 *     token-refresh.max-suspended-per-flight})
 */
public record FilterSettings(
    boolean enabled,
    Duration refreshAhead,
    List<String> excludedPaths,
    String loginPath,
    boolean bearerHeader,
    Duration waitTimeout,
    int maxSuspended,
    int maxSuspendedPerFlight) {

  /** Added to the coordinator's timeout to bound a request's wait. */
  public static final Duration WAIT_MARGIN = Duration.ofMillis(500);

  /** Validates; messages name the key. */
  public FilterSettings {
    Objects.requireNonNull(refreshAhead, "refreshAhead");
    if (refreshAhead.isNegative()) {
      throw new IllegalArgumentException(
          ConfigKey.REFRESH_AHEAD + " must be a duration >= 0, was " + refreshAhead);
    }
    excludedPaths = ExcludedPaths.normalise(excludedPaths);
    loginPath = loginPath == null ? "" : loginPath;
    if (!loginPath.isEmpty() && !isLocalPath(loginPath)) {
      throw new IllegalArgumentException(
          ConfigKey.LOGIN_PATH
              + " must be a path of this application starting with a single '/'"
              + " (not '//' nor '/\\', which a browser reads as another host; no scheme, no"
              + " white space or control characters), was '"
              + loginPath
              + "'");
    }
    if (maxSuspended < 1 || maxSuspendedPerFlight < 1) {
      throw new IllegalArgumentException(
          ConfigKey.MAX_SUSPENDED
              + " and token-refresh.max-suspended-per-flight must be >= 1,"
              + " were "
              + maxSuspended
              + " and "
              + maxSuspendedPerFlight);
    }
  }

  /** The defaults of {@link ConfigKey}, which README's "Filter" table shows. */
  public static FilterSettings defaults(Duration coordinatorTimeout) {
    return new FilterSettings(
        ConfigKey.ENABLED.defaultBool(),
        ConfigKey.REFRESH_AHEAD.defaultDuration(),
        List.of(),
        "",
        ConfigKey.BEARER_HEADER.defaultBool(),
        coordinatorTimeout.plus(WAIT_MARGIN),
        ConfigKey.MAX_SUSPENDED.defaultInt(),
        ConfigKey.MAX_SUSPENDED_PER_FLIGHT.defaultInt());
  }

  /**
   * Whether {@code path} passes through untouched: the request's decoded, normalised path within
   * the application ({@code servletPath + pathInfo}, as the container routes it), matched on whole
   * segments, so that {@code /login} excludes {@code /login} and {@code /login/...} but not {@code
   * /login-history}.
   */
  public boolean excludes(String path) {
    return ExcludedPaths.matches(excludedPaths, path);
  }

  /**
   * A path a redirect cannot turn into another origin: one leading {@code /} followed by neither
   * {@code /} nor a backslash (browsers read {@code //host} and {@code /\host} as another host),
   * and no white-space or control character.
   */
  private static boolean isLocalPath(String path) {
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
      return false;
    }
    return path.chars().noneMatch(c -> c <= 0x20 || c == 0x7f);
  }
}
