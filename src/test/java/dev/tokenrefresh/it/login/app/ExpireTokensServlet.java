package dev.tokenrefresh.it.login.app;

import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;

/**
 * {@code POST /support/login/expire}: makes the session's access token expired (every token kept,
 * the ID token too), as time would; 204, or 404 without tokens. Under the path the test
 * configuration excludes from the filter.
 */
@WebServlet("/support/login/expire")
public class ExpireTokensServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient TokenStore store;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
    Instant now = Instant.now();
    store
        .load(req)
        .ifPresentOrElse(
            t -> {
              store.save(
                  req,
                  new TokenSet(
                      t.accessToken(),
                      t.refreshToken(),
                      t.idToken(),
                      now.minusSeconds(1),
                      now.minusSeconds(301)));
              resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            },
            () -> resp.setStatus(HttpServletResponse.SC_NOT_FOUND));
  }
}
