package dev.tokenrefresh.internal.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.tokenrefresh.core.token.TokenSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Logs in to mock-oauth2-server by the authorization-code flow, which is how it issues refresh
 * tokens: its non-interactive authorize endpoint redirects straight back with a code.
 */
final class MockProviderLogin {

  static final URI REDIRECT = URI.create("http://127.0.0.1/callback");

  private MockProviderLogin() {}

  static TokenSet login(MockOAuth2Server server, String issuerId, String clientId, String secret)
      throws Exception {
    URI authorize =
        URI.create(
            server.authorizationEndpointUrl(issuerId)
                + "?client_id="
                + clientId
                + "&response_type=code&scope=openid&state=s1&nonce=n1&redirect_uri="
                + REDIRECT);
    HttpResponse<Void> redirect =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    String location = redirect.headers().firstValue("Location").orElseThrow();
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");

    var request =
        new TokenRequest.Builder(
                server.tokenEndpointUrl(issuerId).uri(),
                new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
                new AuthorizationCodeGrant(new AuthorizationCode(code), REDIRECT))
            .build();
    OIDCTokenResponse response =
        (OIDCTokenResponse) OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    OIDCTokens tokens = response.getOIDCTokens();
    Instant now = Instant.now();
    return new TokenSet(
        tokens.getAccessToken().getValue(),
        tokens.getRefreshToken().getValue(),
        tokens.getIDTokenString(),
        now.plusSeconds(tokens.getAccessToken().getLifetime()),
        now);
  }
}
