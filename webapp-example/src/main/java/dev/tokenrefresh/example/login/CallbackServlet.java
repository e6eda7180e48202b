package dev.tokenrefresh.example.login;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.example.oidc.Provider;
import dev.tokenrefresh.jakarta.cdi.TokenRefreshService;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /callback}: the provider's answer to a login. Checks it against the session's {@link
 * PendingLogin} (state, and the issuer when the provider names it, RFC 9207), redeems the code
 * ({@link CodeExchange}), turns the tokens into the session's first {@code TokenSet} with {@link
 * TokenRefreshService#tokensFromLogin} and saves it with the {@link TokenStore}, under a new
 * session id. Thread-safe.
 */
@WebServlet("/callback")
public class CallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CallbackServlet.class.getName());

  @Inject transient Provider provider;
  @Inject transient CodeExchange exchange;
  @Inject transient TokenRefreshService refresh;
  @Inject transient TokenStore store;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Cache-Control", "no-store");
    try {
      PendingLogin login =
          PendingLogin.takeFrom(req.getSession(false))
              .orElseThrow(() -> new LoginFailure(400, "no_login_in_progress", "no pending login"));
      AuthorizationCode code = authorizationCode(req, login);
      OIDCTokens tokens = exchange.redeem(code, login);
      TokenSet first = firstTokenSet(tokens);
      req.changeSessionId(); // the session is now authenticated: no fixation
      store.save(req, first);
      resp.sendRedirect(req.getContextPath() + "/");
    } catch (LoginFailure failure) {
      LOG.log(Level.WARNING, "login failed: {0}", failure.getMessage());
      fail(req, resp, failure);
    }
  }

  private AuthorizationCode authorizationCode(HttpServletRequest req, PendingLogin login) {
    AuthenticationResponse response;
    try {
      response = AuthenticationResponseParser.parse(requestUri(req));
    } catch (ParseException e) {
      throw new LoginFailure(400, "invalid_callback", "unparsable callback");
    }
    if (!login.state().equals(response.getState())) {
      throw new LoginFailure(400, "state_mismatch", "the callback's state is not this login's");
    }
    if (response.getIssuer() != null && !response.getIssuer().equals(provider.issuer())) {
      throw new LoginFailure(400, "issuer_mismatch", "the callback names another issuer");
    }
    if (!response.indicatesSuccess()) {
      String error = response.toErrorResponse().getErrorObject().getCode();
      throw new LoginFailure(401, error, "the provider refused the login: " + error);
    }
    return response.toSuccessResponse().getAuthorizationCode();
  }

  private TokenSet firstTokenSet(OIDCTokens tokens) {
    try {
      return refresh.tokensFromLogin(tokens);
    } catch (IllegalArgumentException e) {
      throw new LoginFailure(502, "unusable_tokens", e.getMessage());
    }
  }

  private static URI requestUri(HttpServletRequest req) {
    String query = req.getQueryString();
    return URI.create(req.getRequestURL() + (query == null ? "" : "?" + query));
  }

  private static void fail(HttpServletRequest req, HttpServletResponse resp, LoginFailure failure)
      throws IOException {
    resp.setStatus(failure.status());
    resp.setContentType("text/plain");
    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resp.getWriter()
        .write(
            "Login failed: "
                + failure.error()
                + "\nStart again at "
                + req.getContextPath()
                + "/login\n");
  }
}
