package dev.tokenrefresh.it.app;

import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Test-only login: {@code POST} stores the posted tokens in the session through the library's
 * {@link TokenStore} (creating the session), with an access-token expiry {@code expires_in} seconds
 * from now (negative: already expired); {@code GET} shows what the session holds, 404 when nothing.
 * Lives under the path the test configuration excludes from the filter.
 */
@WebServlet("/support/tokens")
public class SessionTokensServlet extends HttpServlet {

  public static final String ACCESS_TOKEN = "access_token";
  public static final String REFRESH_TOKEN = "refresh_token";
  public static final String EXPIRES_IN = "expires_in";

  private static final long serialVersionUID = 1L;

  /** How long ago an already expired token is taken to have been issued. */
  private static final Duration EXPIRED_LIFETIME = Duration.ofMinutes(5);

  @Inject transient TokenStore store;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
    req.getSession(true);
    Instant now = Instant.now();
    Instant expiresAt = now.plusSeconds(Long.parseLong(req.getParameter(EXPIRES_IN)));
    Instant issuedAt = expiresAt.isBefore(now) ? expiresAt.minus(EXPIRED_LIFETIME) : now;
    store.save(
        req,
        new TokenSet(
            req.getParameter(ACCESS_TOKEN),
            req.getParameter(REFRESH_TOKEN),
            null,
            expiresAt,
            issuedAt));
    resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<TokenSet> tokens = store.load(req);
    if (tokens.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    resp.setContentType("text/plain;charset=UTF-8");
    resp.getWriter()
        .write(
            ACCESS_TOKEN
                + "="
                + tokens.get().accessToken()
                + "\n"
                + REFRESH_TOKEN
                + "="
                + tokens.get().refreshToken()
                + "\n");
  }
}
