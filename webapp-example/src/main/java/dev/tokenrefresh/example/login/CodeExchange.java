package dev.tokenrefresh.example.login;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.tokenrefresh.example.oidc.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * Redeems an authorization code at the token endpoint (with the login's PKCE code verifier and
 * redirect URI) and validates the ID token that comes back: signature, issuer, audience, expiry and
 * the login's nonce. Thread-safe (stateless; Nimbus's validator is thread-safe).
 */
@ApplicationScoped
public class CodeExchange {

  @Inject Provider provider;

  /**
   * @return the login's tokens, the ID token validated
   * @throws LoginFailure when the provider refuses the code, cannot be reached, or its ID token is
   *     invalid
   */
  public OIDCTokens redeem(AuthorizationCode code, PendingLogin login) {
    AuthorizationCodeGrant grant =
        new AuthorizationCodeGrant(code, login.redirectUri(), login.codeVerifier());
    TokenRequest request =
        provider
            .clientAuthentication()
            .map(auth -> new TokenRequest.Builder(provider.tokenEndpoint(), auth, grant))
            .orElseGet(
                () ->
                    new TokenRequest.Builder(provider.tokenEndpoint(), provider.clientId(), grant))
            .build();
    OIDCTokens tokens = send(request);
    try {
      provider.idTokens().validate(tokens.getIDToken(), login.nonce());
    } catch (BadJOSEException | JOSEException e) {
      throw new LoginFailure(502, "invalid_id_token", "ID token rejected: " + e.getMessage());
    }
    return tokens;
  }

  private OIDCTokens send(TokenRequest request) {
    HTTPResponse http;
    try {
      http = provider.bounded(request.toHTTPRequest()).send();
    } catch (IOException e) {
      throw new LoginFailure(
          502, "provider_unreachable", "token endpoint: " + e.getClass().getSimpleName());
    }
    TokenResponse response;
    try {
      response = OIDCTokenResponseParser.parse(http);
    } catch (ParseException e) {
      throw new LoginFailure(
          502, "invalid_token_response", "token endpoint: HTTP " + http.getStatusCode());
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      String code = error.getCode() == null ? "token_request_failed" : error.getCode();
      throw new LoginFailure(401, code, "token endpoint refused the code: " + code);
    }
    if (response.toSuccessResponse() instanceof OIDCTokenResponse oidc
        && oidc.getOIDCTokens().getIDToken() != null) {
      return oidc.getOIDCTokens();
    }
    throw new LoginFailure(502, "no_id_token", "the token response carries no ID token");
  }
}
