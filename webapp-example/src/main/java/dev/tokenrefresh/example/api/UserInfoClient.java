package dev.tokenrefresh.example.api;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import dev.tokenrefresh.example.oidc.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;

/**
 * Asks the provider's userinfo endpoint who an access token belongs to. The provider answers only
 * for a token it accepts, so an answer proves the token valid. Thread-safe (stateless).
 */
@ApplicationScoped
public class UserInfoClient {

  @Inject Provider provider;

  /**
   * @throws UserInfoFailure when the provider has no userinfo endpoint, cannot be reached, or
   *     rejects the token
   */
  public UserInfo fetch(String accessToken) {
    URI endpoint =
        provider
            .userInfoEndpoint()
            .orElseThrow(() -> new UserInfoFailure("no_userinfo_endpoint", 0));
    HTTPResponse http;
    try {
      http =
          provider
              .bounded(
                  new UserInfoRequest(endpoint, new BearerAccessToken(accessToken)).toHTTPRequest())
              .send();
    } catch (IOException e) {
      throw new UserInfoFailure("userinfo_unreachable", 0);
    }
    UserInfoResponse response;
    try {
      response = UserInfoResponse.parse(http);
    } catch (ParseException | RuntimeException e) {
      throw new UserInfoFailure("userinfo_unparsable", http.getStatusCode());
    }
    if (!response.indicatesSuccess()) {
      String code = response.toErrorResponse().getErrorObject().getCode();
      throw new UserInfoFailure(code == null ? "userinfo_refused" : code, http.getStatusCode());
    }
    UserInfo user = response.toSuccessResponse().getUserInfo();
    if (user == null || user.getSubject() == null) {
      // OIDC Core 5.3.2: sub is always returned; without it the answer is not about anyone
      throw new UserInfoFailure("userinfo_without_sub", http.getStatusCode());
    }
    return user;
  }
}
