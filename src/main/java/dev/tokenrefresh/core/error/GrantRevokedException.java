package dev.tokenrefresh.core.error;

/**
 * The identity provider refused the refresh token itself ({@code invalid_grant}, a revoked or
 * expired grant, an unknown client session). Terminal for the session; never counted against the
 * provider's health. Immutable and thread-safe.
 */
public final class GrantRevokedException extends RefreshException {

  private static final long serialVersionUID = 1L;

  private final String errorCode;

  /**
   * @param errorCode the OAuth 2.0 error code, e.g. {@code invalid_grant}; never a token
   */
  public GrantRevokedException(String errorCode) {
    super("the refresh token was rejected by the identity provider: " + errorCode, null);
    this.errorCode = errorCode;
  }

  /** The OAuth 2.0 error code the provider sent. */
  public String errorCode() {
    return errorCode;
  }
}
