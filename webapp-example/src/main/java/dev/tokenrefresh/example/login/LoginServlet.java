package dev.tokenrefresh.example.login;

import dev.tokenrefresh.jakarta.login.OidcLogin;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /login}: the start page's "Log in" link. The login itself is the library's mechanism
 * ({@code token-refresh.login.enabled=true}): {@code OidcLogin.logIn} sends the browser to the
 * provider, whose answer comes back to {@code /callback} and then here, logged in; from here the
 * browser goes to the start page. Thread-safe.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    if (!OidcLogin.logIn(req, resp)) {
      return; // the mechanism answered: a redirect to the provider (or 503 while it is unknown)
    }
    resp.setHeader("Cache-Control", "no-store");
    resp.sendRedirect(req.getContextPath() + "/");
  }
}
