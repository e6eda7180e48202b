package dev.tokenrefresh.jakarta.login;

import jakarta.servlet.http.HttpServletRequest;
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

  /** The request's logout CSRF token, when its session is logged in through the mechanism. */
  public static Optional<String> csrfToken(HttpServletRequest request) {
    return Optional.ofNullable((String) request.getAttribute(CSRF_TOKEN));
  }
}
