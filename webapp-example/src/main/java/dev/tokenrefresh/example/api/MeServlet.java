package dev.tokenrefresh.example.api;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import dev.tokenrefresh.core.metrics.RefreshCounts;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.example.store.RefreshCountingTokenStore;
import dev.tokenrefresh.jakarta.cdi.TokenRefreshService;
import dev.tokenrefresh.jakarta.filter.TokenRefreshFilter;
import dev.tokenrefresh.jakarta.login.OidcLogin;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code GET /api/me}: who the session's user is, according to the provider's userinfo endpoint
 * called with the access token the module put on the request. Answers
 *
 * <pre>{@code {"sub": "...", "name": "...", "exp": 1767225600, "expiresAt": "2026-01-01T00:00:00Z",
 *  "expiresInSeconds": 12, "refreshes": 1,
 *  "module": {"requests": 100, "coalesced": 3, "graceReplays": 96, "idpCalls": 1}}}</pre>
 *
 * where {@code exp} is the access token's expiry (epoch seconds), {@code refreshes} how often this
 * session's tokens were refreshed, and {@code module} the module's application-wide totals since
 * start ({@link TokenRefreshService#counts()}). Without a login: 401 {@code
 * {"error":"login_required"}}; if the provider rejects the token: 502 with its error code. {@code
 * asyncSupported}, so that the module can suspend requests waiting for a refresh without holding
 * their threads. Thread-safe.
 */
@WebServlet(urlPatterns = "/api/me", asyncSupported = true)
public class MeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient UserInfoClient userInfo;
  @Inject transient RefreshCountingTokenStore store;
  @Inject transient TokenRefreshService module;

  private final transient Clock clock = Clock.systemUTC();

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String accessToken = (String) req.getAttribute(TokenRefreshFilter.ACCESS_TOKEN);
    TokenSet tokens = (TokenSet) req.getAttribute(TokenRefreshFilter.TOKEN_SET);
    if (accessToken == null || tokens == null) {
      write(
          resp,
          401,
          Json.createObjectBuilder()
              .add("error", "login_required")
              .add("login", req.getContextPath() + "/login")
              .build());
      return;
    }
    UserInfo user;
    try {
      user = userInfo.fetch(accessToken);
    } catch (UserInfoFailure failure) {
      ErrorObject error = failure.error();
      JsonObjectBuilder body = Json.createObjectBuilder().add("error", error.getCode());
      if (error.getHTTPStatusCode() != 0) {
        body.add("providerStatus", error.getHTTPStatusCode());
      }
      write(resp, 502, body.build());
      return;
    }
    Instant exp = tokens.accessTokenExpiresAt();
    JsonObjectBuilder body = Json.createObjectBuilder().add("sub", user.getSubject().getValue());
    if (user.getName() != null) {
      body.add("name", user.getName());
    }
    body.add("exp", exp.getEpochSecond())
        .add("expiresAt", exp.toString())
        .add("expiresInSeconds", exp.getEpochSecond() - clock.instant().getEpochSecond())
        .add("refreshes", store.refreshes(req));
    // the logout form's CSRF token (the library's login mechanism checks it on POST /logout)
    OidcLogin.csrfToken(req).ifPresent(csrf -> body.add("csrf", csrf));
    RefreshCounts.Snapshot counts = module.counts();
    body.add(
        "module",
        Json.createObjectBuilder()
            .add("requests", counts.requests())
            .add("coalesced", counts.coalesced())
            .add("graceReplays", counts.graceReplays())
            .add("idpCalls", counts.idpCalls()));
    write(resp, 200, body.build());
  }

  private static void write(HttpServletResponse resp, int status, JsonObject body)
      throws IOException {
    resp.setStatus(status);
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentType("application/json");
    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resp.getWriter().write(body.toString());
  }
}
