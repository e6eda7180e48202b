package dev.tokenrefresh.it.login.app;

import dev.tokenrefresh.it.app.PlainTextBody;
import dev.tokenrefresh.jakarta.login.OidcLogin;
import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /secure/whoami}, for callers in role {@code user} only (a security constraint): who
 * the container says the caller is, by the servlet API and by Jakarta Security's {@code
 * SecurityContext}, and the logout CSRF token. {@code asyncSupported}, so that the filter can
 * suspend it while it refreshes.
 */
@WebServlet(urlPatterns = "/secure/whoami", asyncSupported = true)
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
@DeclareRoles({"user", "admin"})
public class WhoAmIServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient SecurityContext security;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    PlainTextBody.of("name", req.getUserPrincipal().getName())
        .and("user", req.isUserInRole("user"))
        .and("admin", req.isUserInRole("admin"))
        .and("caller", security.getCallerPrincipal().getName())
        .and("callerInRoleUser", security.isCallerInRole("user"))
        .and("csrf", OidcLogin.csrfToken(req).orElse(""))
        .writeTo(resp);
  }
}
