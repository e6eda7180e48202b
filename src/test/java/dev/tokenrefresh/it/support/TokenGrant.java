package dev.tokenrefresh.it.support;

/**
 * An access and a refresh token as the identity provider issued them. Its {@code toString} shows
 * only their hash codes: enough to tell two grants apart in an assertion message, no token.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token
 */
public record TokenGrant(String accessToken, String refreshToken) {

  @Override
  public String toString() {
    return "TokenGrant[access#"
        + Integer.toHexString(accessToken.hashCode())
        + ", refresh#"
        + Integer.toHexString(refreshToken.hashCode())
        + "]";
  }
}
