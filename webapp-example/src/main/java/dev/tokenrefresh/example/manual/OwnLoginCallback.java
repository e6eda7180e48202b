package dev.tokenrefresh.example.manual;

import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.cdi.TokenRefreshService;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The manual path, for applications that keep their own login ({@code token-refresh.login.enabled}
 * off): the end of its callback hands the tokens of the code exchange to the module. Not mapped in
 * this example (it uses the library's login); extend it with your own state check and code exchange
 * and map it as your callback. Thread-safe.
 */
public abstract class OwnLoginCallback extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient TokenRefreshService refresh;
  @Inject transient TokenStore store;

  /**
   * Your login: check {@code state} against the session's pending login, redeem the code (PKCE
   * verifier, redirect URI) and validate the ID token with your nonce.
   */
  protected abstract OIDCTokens redeemCheckedCallback(HttpServletRequest req);

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    OIDCTokens tokens = redeemCheckedCallback(req);
    TokenSet first =
        refresh.tokensFromLogin(tokens); // checked like a refresh; no refresh token: IAE
    req.changeSessionId(); // the session is now authenticated: no fixation
    store.save(req, first); // from now on the filter keeps the session's tokens fresh
    resp.sendRedirect(req.getContextPath() + "/");
  }
}
