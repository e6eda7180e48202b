package dev.tokenrefresh.it.sidebyside.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The built-in client's redirect URI. Its authentication mechanism handles the authorization
 * response (code exchange, ID-token validation) before this servlet runs; the servlet only says
 * whether a user is logged in now: 204, or 401.
 */
@WebServlet({"/callback", "/support/whoami"})
public class BuiltInCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
    resp.setStatus(
        req.getUserPrincipal() == null
            ? HttpServletResponse.SC_UNAUTHORIZED
            : HttpServletResponse.SC_NO_CONTENT);
  }
}
