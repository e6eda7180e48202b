package dev.tokenrefresh.example.login;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import dev.tokenrefresh.example.config.ExampleSettings;
import dev.tokenrefresh.example.oidc.Provider;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /login}: starts the authorization-code flow. Creates the session (the module's {@code
 * HttpSessionTokenStore} never creates one), remembers a fresh {@link PendingLogin} in it, and
 * sends the browser to the provider with state, nonce and an S256 PKCE challenge. Thread-safe.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Provider provider;
  @Inject transient ExampleSettings settings;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    PendingLogin login = PendingLogin.start(AppAddresses.callback(req, settings));
    login.rememberIn(req.getSession(true));
    AuthenticationRequest request =
        new AuthenticationRequest.Builder(
                ResponseType.CODE, settings.scope(), provider.clientId(), login.redirectUri())
            .endpointURI(provider.authorizationEndpoint())
            .state(login.state())
            .nonce(login.nonce())
            .codeChallenge(login.codeVerifier(), CodeChallengeMethod.S256)
            .build();
    resp.setHeader("Cache-Control", "no-store");
    resp.sendRedirect(request.toURI().toString());
  }
}
