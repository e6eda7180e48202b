package dev.tokenrefresh.example.api;

import com.nimbusds.oauth2.sdk.ErrorObject;

/**
 * The userinfo endpoint gave no answer for the access token. Carries the OAuth error code (or one
 * of the example's own) and the provider's HTTP status as Nimbus's {@link ErrorObject}, never the
 * token and never the provider's description.
 */
public final class UserInfoFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The code and the provider's HTTP status, 0 when there was no answer. */
  private final ErrorObject error;

  /**
   * @param code the error code
   * @param providerStatus the provider's HTTP status, 0 when there was no answer
   */
  UserInfoFailure(String code, int providerStatus) {
    super(code + (providerStatus == 0 ? "" : " (HTTP " + providerStatus + ")"));
    this.error = new ErrorObject(code, null, providerStatus);
  }

  /**
   * The error code ({@link ErrorObject#getCode()}) and the provider's HTTP status ({@link
   * ErrorObject#getHTTPStatusCode()}, 0 when there was no answer); a copy, so changing it changes
   * nothing here.
   */
  public ErrorObject error() {
    return new ErrorObject(error.getCode(), null, error.getHTTPStatusCode());
  }
}
