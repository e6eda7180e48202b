package dev.tokenrefresh.it.app;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The negative control: what an application without this library does. Every request redeems the
 * session's refresh token at the identity provider itself, so N concurrent requests make N calls.
 * Answers with the provider's HTTP status.
 */
@WebServlet("/naive-refresh")
public class NaiveRefreshServlet extends HttpServlet {

  /** Body key: the identity provider's HTTP status. */
  public static final String IDP_STATUS = "idp_status";

  private static final long serialVersionUID = 1L;

  @Inject transient TokenStore store;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    TokenSet tokens = store.load(req).orElseThrow(() -> new IllegalStateException("log in first"));
    Config config = ConfigProvider.getConfig();
    TokenRequest request =
        new TokenRequest.Builder(
                URI.create(config.getValue("token-refresh.oidc.token-endpoint", String.class)),
                new ClientSecretBasic(
                    new ClientID(config.getValue("token-refresh.oidc.client-id", String.class)),
                    new Secret(config.getValue("token-refresh.oidc.client-secret", String.class))),
                new RefreshTokenGrant(new RefreshToken(tokens.refreshToken())))
            .build();
    HTTPResponse answer = request.toHTTPRequest().send();
    resp.setContentType("text/plain;charset=UTF-8");
    resp.getWriter().write(IDP_STATUS + "=" + answer.getStatusCode() + "\n");
  }
}
