package dev.tokenrefresh.it.sidebyside.app;

import dev.tokenrefresh.it.app.PlainTextBody;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test-only protected resource of the built-in client's WAR, the counterpart of the module's {@code
 * EchoServlet} (same body format): answers the access token the client holds for the session after
 * its authentication mechanism ran, which refreshes it when expired.
 */
@WebServlet("/echo")
@ServletSecurity(@HttpConstraint(rolesAllowed = BuiltInOidcApplication.ROLE))
public class BuiltInEchoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient OpenIdContext openId;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    PlainTextBody.echo(openId.getAccessToken().getToken(), req.getDispatcherType()).writeTo(resp);
  }
}
