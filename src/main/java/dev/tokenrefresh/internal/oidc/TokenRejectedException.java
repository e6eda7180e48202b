package dev.tokenrefresh.internal.oidc;

/**
 * A token from the provider (an ID token at login, a logout token) that fails validation: bad
 * signature or unknown key, another issuer or audience, expired, the wrong nonce, unsigned. The
 * message names the failed check, never the token.
 */
public final class TokenRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message the failed check, without the token
   */
  public TokenRejectedException(String message) {
    super(message);
  }
}
