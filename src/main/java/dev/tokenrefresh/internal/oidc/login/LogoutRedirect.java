package dev.tokenrefresh.internal.oidc.login;

import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import dev.tokenrefresh.internal.oidc.UnverifiedJwt;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where a logout sends the browser: to the provider's end-session endpoint (RP-initiated logout)
 * with the ID token as {@code id_token_hint}, the client id and a post-logout redirect that must be
 * one of the configured URIs (no open redirect); without an end-session endpoint straight to that
 * redirect, or to the application's start page. Stateless.
 */
public final class LogoutRedirect {

  private LogoutRedirect() {}

  /**
   * @param requested the post-logout redirect the logout asked for, or {@code null}: the first
   *     configured one
   * @param allowed the configured post-logout redirect URIs
   * @return the chosen redirect, or empty when none is configured and none asked for
   * @throws LoginFailure 400 {@code invalid_post_logout_redirect} when {@code requested} is not one
   *     of {@code allowed}
   */
  public static Optional<URI> afterLogout(String requested, List<URI> allowed) {
    if (requested == null || requested.isEmpty()) {
      return allowed.stream().findFirst();
    }
    return Optional.of(
        allowed.stream()
            .filter(uri -> uri.toString().equals(requested))
            .findFirst()
            .orElseThrow(
                () ->
                    new LoginFailure(
                        400,
                        "invalid_post_logout_redirect",
                        "post-logout redirect not among token-refresh.login."
                            + "post-logout-redirect-uris")));
  }

  /**
   * @param endSession the provider's end-session endpoint, if it has one
   * @param idToken the session's ID token, for {@code id_token_hint}, or {@code null}
   * @param clientId this client
   * @param after the post-logout redirect, if any
   * @param startPage the application's start page, when there is neither
   */
  public static URI target(
      Optional<URI> endSession,
      String idToken,
      String clientId,
      Optional<URI> after,
      URI startPage) {
    if (endSession.isEmpty()) {
      return after.orElse(startPage);
    }
    return new LogoutRequest(
            endSession.get(),
            UnverifiedJwt.parse(idToken).orElse(null),
            null,
            new ClientID(clientId),
            after.orElse(null),
            null,
            null)
        .toURI();
  }
}
