package dev.tokenrefresh.example.api;

/**
 * The userinfo endpoint gave no answer for the access token. Carries the OAuth error code (or one
 * of the example's own) and the provider's HTTP status, never the token.
 */
public final class UserInfoFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String error;
  private final int providerStatus;

  /**
   * @param error the error code
   * @param providerStatus the provider's HTTP status, 0 when there was no answer
   */
  UserInfoFailure(String error, int providerStatus) {
    super(error + (providerStatus == 0 ? "" : " (HTTP " + providerStatus + ")"));
    this.error = error;
    this.providerStatus = providerStatus;
  }

  /** The error code. */
  public String error() {
    return error;
  }

  /** The provider's HTTP status, 0 when there was no answer. */
  public int providerStatus() {
    return providerStatus;
  }
}
