package dev.tokenrefresh.jakarta.login;

import dev.tokenrefresh.internal.jakarta.login.OidcLoginMechanism;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * What an application sees of the login mechanism ({@code token-refresh.login.enabled=true}): the
 * CSRF token its logout form must post. Stateless.
 *
 * <pre>{@code
 * <form method="post" action="oidc/logout">
 *   <input type="hidden" name="csrf" value="${OidcLogin.csrfToken(request)}">
 * </form>
 * }</pre>
 */
public final class OidcLogin {

  /** Request attribute: the logged-in session's logout CSRF token ({@code String}). */
  public static final String CSRF_TOKEN = "dev.tokenrefresh.login.csrf";

  /** The form field (or {@code X-CSRF-Token} header) a logout POST carries the token in. */
  public static final String CSRF_FIELD = "csrf";

  private OidcLogin() {}

  /**
   * Starts a login from the application's own code (a "Log in" link's servlet), whatever the
   * request's {@code Accept} header: {@code request.authenticate(response)}, marked as a login the
   * application asked for.
   *
   * @return {@code true} when the request is logged in; {@code false} when the mechanism answered
   *     (a redirect to the provider, or 503 while the provider is unknown)
   */
  public static boolean logIn(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (request.getUserPrincipal() != null) {
      return true;
    }
    request.setAttribute(OidcLoginMechanism.LOGIN_REQUESTED, Boolean.TRUE);
    return request.authenticate(response);
  }

  /** The request's logout CSRF token, when its session is logged in through the mechanism. */
  public static Optional<String> csrfToken(HttpServletRequest request) {
    return Optional.ofNullable((String) request.getAttribute(CSRF_TOKEN));
  }
}
