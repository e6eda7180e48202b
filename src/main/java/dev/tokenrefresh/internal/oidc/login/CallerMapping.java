package dev.tokenrefresh.internal.oidc.login;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tokenrefresh.internal.oidc.UnverifiedJwt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a login's validated ID token into the {@link Caller}: the name from {@code principal-claim}
 * (falling back to {@code sub}), the groups from the dotted {@code groups-claim} path ({@code
 * groups}, {@code realm_access.roles}). The groups are looked up in the ID token first, then in the
 * access token when it is a JWT (Keycloak puts realm roles only there by default): that token came
 * straight from the token endpoint over the connection this client opened, so its claims are read
 * without verifying its signature (OIDC Core 3.1.3.7 rests on the same TLS argument for the ID
 * token). A group value that is not a string is skipped. Immutable and thread-safe.
 */
public final class CallerMapping {

  /** More groups than any real caller has: a claim beyond it is cut, not taken whole. */
  static final int MAX_GROUPS = 256;

  private final String principalClaim;
  private final String[] groupsPath;

  /**
   * @param principalClaim the claim naming the caller
   * @param groupsClaim the dotted path of the groups claim
   */
  public CallerMapping(String principalClaim, String groupsClaim) {
    this.principalClaim = Objects.requireNonNull(principalClaim, "principalClaim");
    this.groupsPath = groupsClaim.split("\\.");
  }

  /**
   * @param idToken the validated ID token's claims
   * @param accessToken the access token of the same response
   * @param csrfToken the new session's logout CSRF token
   * @throws LoginFailure 401 {@code invalid_id_token} when the ID token has no {@code sub}
   */
  public Caller caller(JWTClaimsSet idToken, String accessToken, String csrfToken) {
    String subject = idToken.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new LoginFailure(401, "invalid_id_token", "the ID token has no sub");
    }
    Object named = idToken.getClaim(principalClaim);
    String name = named instanceof String text && !text.isBlank() ? text : subject;
    List<String> groups = groups(idToken.getClaims());
    if (groups.isEmpty()) {
      groups = groups(accessTokenClaims(accessToken));
    }
    Object sid = idToken.getClaim("sid");
    return new Caller(name, groups, subject, sid instanceof String text ? text : null, csrfToken);
  }

  private List<String> groups(Map<String, Object> claims) {
    Object node = claims;
    for (String step : groupsPath) {
      if (!(node instanceof Map<?, ?> map)) {
        return List.of();
      }
      node = map.get(step);
    }
    List<String> groups = new ArrayList<>();
    if (node instanceof Collection<?> values) {
      for (Object value : values) {
        if (value instanceof String text && groups.size() < MAX_GROUPS) {
          groups.add(text);
        }
      }
    } else if (node instanceof String single) {
      groups.add(single);
    }
    return groups;
  }

  private static Map<String, Object> accessTokenClaims(String accessToken) {
    return UnverifiedJwt.claims(accessToken).map(JWTClaimsSet::getClaims).orElse(Map.of());
  }
}
