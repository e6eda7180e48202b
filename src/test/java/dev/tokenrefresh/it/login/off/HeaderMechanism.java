package dev.tokenrefresh.it.login.off;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * An application's own authentication mechanism (test-only: the caller named by the {@code
 * X-Test-User} header, in group {@code user}). With the library's login off, it must stay the
 * application's only one: a second mechanism bean would make the deployment fail (ambiguous) or
 * take over.
 */
@ApplicationScoped
public class HeaderMechanism implements HttpAuthenticationMechanism {

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
    String user = req.getHeader("X-Test-User");
    if (user != null) {
      return ctx.notifyContainerAboutLogin(user, Set.of("user"));
    }
    return ctx.isProtected() ? ctx.responseUnauthorized() : ctx.doNothing();
  }
}
