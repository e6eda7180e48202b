package dev.tokenrefresh.example.login;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.example.config.ExampleSettings;
import dev.tokenrefresh.example.oidc.Provider;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;

/**
 * {@code GET /logout}: ends the session here and, when the provider supports RP-initiated logout
 * (an {@code end_session_endpoint}), there too, with the ID token as hint; the provider then sends
 * the browser back to the start page. Thread-safe.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Provider provider;
  @Inject transient ExampleSettings settings;
  @Inject transient TokenStore store;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<JWT> idToken = store.load(req).flatMap(TokenSet::idTokenValue).flatMap(this::parse);
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    URI after = AppAddresses.afterLogout(req, settings);
    URI target =
        provider
            .endSessionEndpoint()
            .map(
                endpoint ->
                    new LogoutRequest(
                            endpoint,
                            idToken.orElse(null),
                            null,
                            provider.clientId(),
                            after,
                            null,
                            null)
                        .toURI())
            .orElse(after);
    resp.setHeader("Cache-Control", "no-store");
    resp.sendRedirect(target.toString());
  }

  private Optional<JWT> parse(String idToken) {
    try {
      return Optional.of(JWTParser.parse(idToken));
    } catch (ParseException e) {
      return Optional.empty();
    }
  }
}
