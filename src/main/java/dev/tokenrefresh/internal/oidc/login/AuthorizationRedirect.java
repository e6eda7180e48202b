package dev.tokenrefresh.internal.oidc.login;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import java.net.URI;

/**
 * The address a login sends the browser to: the authorization endpoint with response type {@code
 * code}, the login's {@code state} and {@code nonce}, and its PKCE challenge (S256). Stateless.
 */
public final class AuthorizationRedirect {

  private AuthorizationRedirect() {}

  /**
   * @param authorizationEndpoint the provider's authorization endpoint
   * @param clientId this client
   * @param scope the scopes, containing {@code openid}
   * @param login the login it starts
   */
  public static URI to(
      URI authorizationEndpoint, String clientId, String scope, PendingLogin login) {
    return new AuthenticationRequest.Builder(
            ResponseType.CODE, Scope.parse(scope), new ClientID(clientId), login.redirectUri())
        .endpointURI(authorizationEndpoint)
        .state(login.stateValue())
        .nonce(login.nonceValue())
        .codeChallenge(login.verifier(), CodeChallengeMethod.S256)
        .build()
        .toURI();
  }
}
