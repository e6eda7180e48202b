package dev.tokenrefresh.example.keycloak.testwar;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Test-only, never in the example's WAR: the Keycloak suite's negative control. {@code GET
 * /naive/me} does what an application without the module's coalescing does: every request whose
 * access token has expired redeems the session's refresh token at the provider itself and saves
 * whatever it gets, so N concurrent requests make up to N calls with the same refresh token. The
 * suite adds this class to a copy of the WAR and excludes {@code /naive} from the module's filter
 * ({@code token-refresh.exclude-paths}), so the example's own paths are untouched.
 *
 * <p>Answers 200 {@code {"idpStatus":200}} after a refresh the provider accepted, 200 {@code
 * {"idpStatus":0}} when no refresh was needed, and 401 {@code {"error":"<provider's error
 * code>","idpStatus":400}} when the provider refused it. Thread-safe (stateless).
 */
@WebServlet("/naive/me")
public class NaiveRefreshServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient TokenStore store;
  @Inject transient Provider provider;
  @Inject transient TokenRefreshService refresh;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<TokenSet> loaded = store.load(req);
    if (loaded.isEmpty()) {
      write(resp, 401, "{\"error\":\"login_required\"}");
      return;
    }
    TokenSet current = loaded.get();
    // The same test as the module's filter, with the suite's refresh-ahead (1 s).
    if (!current.needsRefresh(Instant.now(), Duration.ofSeconds(1))) {
      write(resp, 200, "{\"idpStatus\":0}");
      return;
    }
    TokenRequest request =
        new TokenRequest.Builder(
                provider.tokenEndpoint(),
                provider.clientAuthentication().orElseThrow(),
                new RefreshTokenGrant(new RefreshToken(current.refreshToken())))
            .build();
    HTTPResponse http = provider.bounded(request.toHTTPRequest()).send();
    TokenResponse answer;
    try {
      answer = OIDCTokenResponseParser.parse(http);
    } catch (ParseException e) {
      write(resp, 502, "{\"error\":\"unparsable\",\"idpStatus\":" + http.getStatusCode() + "}");
      return;
    }
    if (answer instanceof TokenErrorResponse error) {
      write(
          resp,
          401,
          "{\"error\":\""
              + error.getErrorObject().getCode()
              + "\",\"idpStatus\":"
              + http.getStatusCode()
              + "}");
      return;
    }
    store.replace(req, current, refresh.tokensFromLogin(answer.toSuccessResponse().getTokens()));
    write(resp, 200, "{\"idpStatus\":" + http.getStatusCode() + "}");
  }

  private static void write(HttpServletResponse resp, int status, String json) throws IOException {
    resp.setStatus(status);
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentType("application/json");
    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resp.getWriter().write(json);
  }
}
