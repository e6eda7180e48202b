package dev.tokenrefresh.internal.jakarta.login;

import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The login mechanism's own answers: JSON {@code {"error":"..."}} with {@code Cache-Control:
 * no-store}, never a stack trace or a request value. Stateless.
 */
final class LoginAnswers {

  private LoginAnswers() {}

  static void fail(HttpServletResponse res, LoginFailure failure) throws IOException {
    error(res, failure.status(), failure.error());
  }

  /** 401 for a request without a session that is not a browser navigation. */
  static void unauthorized(HttpServletResponse res) throws IOException {
    res.setHeader("WWW-Authenticate", "Bearer realm=\"token-refresh\"");
    error(res, 401, "login_required");
  }

  /** 503 while the provider has not been reached yet. */
  static void notReady(HttpServletResponse res, Duration retryAfter) throws IOException {
    res.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    error(res, 503, "idp_not_ready");
  }

  /** A 303 to {@code target}, uncached. */
  static void seeOther(HttpServletResponse res, String target) {
    res.setHeader("Cache-Control", "no-store");
    res.setStatus(303);
    res.setHeader("Location", target);
  }

  /** An empty answer, uncached (the back-channel logout's 200). */
  static void empty(HttpServletResponse res, int status) {
    res.setHeader("Cache-Control", "no-store");
    res.setStatus(status);
  }

  private static void error(HttpServletResponse res, int status, String code) throws IOException {
    res.setStatus(status);
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("application/json");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getWriter().write("{\"error\":\"" + code + "\"}");
    // committed now: an authentication step that ends with a 4xx must not get the server's own
    // error page instead (WildFly's Undertow writes one for an uncommitted response)
    res.flushBuffer();
  }
}
