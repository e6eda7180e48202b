package dev.tokenrefresh.internal.jakarta.login;

import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import dev.tokenrefresh.internal.oidc.login.LoginSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What the login mechanism reads off a request: its path in the application, whether it is a
 * browser navigation, the address the browser used, and a bounded form parameter. Stateless.
 */
final class LoginRequests {

  private LoginRequests() {}

  /** The request's path inside the application, undecoded, without the query. */
  static String path(HttpServletRequest req) {
    String uri = req.getRequestURI();
    String context = req.getContextPath();
    return uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }

  /**
   * A browser navigation (gets a redirect to the provider): {@code Sec-Fetch-Mode: navigate} when
   * the browser sends it, otherwise a GET that accepts {@code text/html}. Anything else (an API
   * call, {@code fetch}, a script) gets 401.
   */
  static boolean isNavigation(HttpServletRequest req) {
    String mode = req.getHeader("Sec-Fetch-Mode");
    if (mode != null) {
      return "navigate".equalsIgnoreCase(mode.trim());
    }
    String accept = req.getHeader("Accept");
    return "GET".equals(req.getMethod())
        && accept != null
        && accept.toLowerCase(Locale.ROOT).contains("text/html");
  }

  /** The path and query to come back to after the login. */
  static String returnTo(HttpServletRequest req) {
    String path = path(req);
    if (!path.startsWith("/") || path.startsWith("//")) {
      path = "/";
    }
    String query = req.getQueryString();
    return query == null ? path : path + "?" + query;
  }

  /**
   * The application's base address as the browser used it ({@code scheme://host[:port]/context}):
   * from {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} when they are trusted.
   */
  static URI base(HttpServletRequest req, LoginSettings settings) {
    String scheme = req.getScheme();
    String host = req.getServerName() + port(req);
    if (settings.trustForwardedHeaders()) {
      scheme = forwarded(req, "X-Forwarded-Proto").orElse(scheme);
      host = forwarded(req, "X-Forwarded-Host").orElse(host);
    }
    return URI.create(scheme + "://" + host + req.getContextPath());
  }

  /** Whether the browser reached this server over TLS, directly or through a trusted proxy. */
  static boolean secure(HttpServletRequest req, LoginSettings settings) {
    return "https".equalsIgnoreCase(base(req, settings).getScheme());
  }

  private static String port(HttpServletRequest req) {
    int port = req.getServerPort();
    boolean standard =
        ("http".equals(req.getScheme()) && port == 80)
            || ("https".equals(req.getScheme()) && port == 443);
    return standard ? "" : ":" + port;
  }

  private static Optional<String> forwarded(HttpServletRequest req, String header) {
    String value = req.getHeader(header);
    if (value == null) {
      return Optional.empty();
    }
    String first = value.split(",")[0].trim();
    return first.matches("[A-Za-z0-9.:\\-\\[\\]]{1,255}") ? Optional.of(first) : Optional.empty();
  }

  /**
   * One parameter of an {@code application/x-www-form-urlencoded} body, read with a bound: a body
   * larger than {@code maxBytes} is refused before it is read whole.
   *
   * @throws LoginFailure 400 {@code invalid_request} when the body is larger or not a form
   */
  static Optional<String> formParameter(HttpServletRequest req, String name, int maxBytes)
      throws IOException {
    String type = req.getContentType();
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw new LoginFailure(400, "invalid_request", "not a form post");
    }
    if (req.getContentLengthLong() > maxBytes) {
      throw new LoginFailure(400, "invalid_request", "body larger than " + maxBytes + " bytes");
    }
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(maxBytes + 1);
    }
    if (body.length > maxBytes) {
      throw new LoginFailure(400, "invalid_request", "body larger than " + maxBytes + " bytes");
    }
    for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (name.equals(key)) {
        return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new LoginFailure(400, "invalid_request", "undecodable form value");
    }
  }
}
