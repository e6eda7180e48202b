package dev.tokenrefresh.bench.throughput.app;

import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Benchmark login for the filtered variant: what {@link LoginServlet} does, plus the session's
 * tokens saved through the module's {@link TokenStore}, as an application's login callback does.
 * The access token stays valid for longer than any benchmark run, so every measured request takes
 * the filter's fast path. The tokens are realistic in size (a Keycloak-like 1 200-character access
 * token, 800-character refresh token) but are not JWTs: the fast path must never parse them.
 * Thread-safe.
 */
@WebServlet("/login")
public class TokenLoginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Duration LIFETIME = Duration.ofHours(2);

  @Inject transient TokenStore store;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
    req.getSession(true).setAttribute(SessionUser.ATTRIBUTE, SessionUser.NAME);
    Instant now = Instant.now();
    store.save(
        req,
        new TokenSet(
            "bench-access." + "a".repeat(1_200),
            "bench-refresh." + "r".repeat(800),
            null,
            now.plus(LIFETIME),
            now));
    resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}
