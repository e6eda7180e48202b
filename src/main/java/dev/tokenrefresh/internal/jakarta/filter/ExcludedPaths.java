package dev.tokenrefresh.internal.jakarta.filter;

import dev.tokenrefresh.core.config.ConfigKey;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code token-refresh.exclude-paths}: which requests pass through untouched. Entries are compared
 * with the request's path as the container routes it, {@code servletPath + pathInfo}: decoded,
 * normalised ({@code ..} and {@code .} resolved), without path parameters such as {@code
 * ;jsessionid} and without the context path, so that no spelling of a URI ({@code %2F}, {@code
 * /./}, {@code ;x}) reaches the application's servlet while missing its entry, or the reverse. An
 * entry matches its own path and every path below it, on whole segments: {@code /login} matches
 * {@code /login} and {@code /login/callback}, never {@code /login-history}. Stateless.
 */
public final class ExcludedPaths {

  private static final String KEY = ConfigKey.EXCLUDE_PATHS.key();

  private ExcludedPaths() {}

  /**
   * Validates the configured entries and drops a trailing {@code /} ({@code /static/} and {@code
   * /static} mean the same).
   *
   * @throws IllegalArgumentException naming the key for an entry that could never match a decoded,
   *     normalised path, or is not a path
   */
  public static List<String> normalise(List<String> entries) {
    List<String> out = new ArrayList<>(entries.size());
    for (String entry : entries) {
      out.add(normalise(entry));
    }
    return List.copyOf(out);
  }

  private static String normalise(String entry) {
    if (!entry.startsWith("/")) {
      throw invalid(entry, "must start with '/'");
    }
    if (entry.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || "%;?#*\\".indexOf(c) >= 0)) {
      throw invalid(
          entry,
          "must be a plain decoded path: no '%' escapes, ';' parameters, '?', '#', '*' wildcards"
              + " (an entry already covers every path below it), backslashes or white space");
    }
    String trimmed =
        entry.length() > 1 && entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
    for (String segment : trimmed.substring(1).split("/", -1)) {
      if (trimmed.length() > 1
          && (segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
        throw invalid(entry, "must be a normalised path: no empty, '.' or '..' segments");
      }
    }
    return trimmed;
  }

  /** Whether {@code path} is one of {@code entries} or lies below one of them. */
  public static boolean matches(List<String> entries, String path) {
    for (String entry : entries) {
      if (entry.equals("/")
          || path.equals(entry)
          || (path.startsWith(entry) && path.charAt(entry.length()) == '/')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The request's path within the application as the container routes it: {@code servletPath +
   * pathInfo}, both decoded and normalised by the container (Servlet 6, section 3.5).
   */
  public static String of(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    return path.isEmpty() ? "/" : path;
  }

  private static IllegalArgumentException invalid(String entry, String rule) {
    return new IllegalArgumentException(KEY + " entries " + rule + ", was '" + entry + "'");
  }
}
