package dev.tokenrefresh.internal.jakarta.filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link RefreshOutcome}: a small JSON body, {@code Retry-After} when a retry can succeed,
 * {@code WWW-Authenticate} on 401, and for a dead grant a redirect to the login page when the
 * request is a browser navigation and a login path is configured. Used by the filter and by the
 * built-in client takeover ({@code dev.tokenrefresh.jakarta.builtin}), so both answer alike. Not
 * public API (shared by the two packages). Thread-safe (stateless).
 */
public final class OutcomeWriter {

  private OutcomeWriter() {}

  /** Writes {@code outcome} unless the response is already committed, and commits it. */
  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      RefreshOutcome outcome,
      FilterSettings settings)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    if (outcome.endsSession() && !settings.loginPath().isEmpty() && isNavigation(request)) {
      response.sendRedirect(request.getContextPath() + settings.loginPath());
      return;
    }
    response.setStatus(outcome.status());
    response.setHeader("Cache-Control", "no-store");
    if (outcome.retryAfter() != null) {
      response.setHeader("Retry-After", Long.toString(outcome.retryAfter()));
    }
    if (outcome.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    byte[] body = ("{\"error\":\"" + outcome.error() + "\"}").getBytes(StandardCharsets.UTF_8);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /**
   * Whether {@code request} is a GET whose Accept header asks for HTML: a page load, not an API
   * call.
   */
  public static boolean isNavigation(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
  }
}
