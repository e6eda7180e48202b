package dev.tokenrefresh.internal.oidc.login;

/**
 * A login, logout or back-channel request that cannot be served, with the HTTP status and a short
 * error code to answer it with. The code is one of this package's own (never text from the
 * request); the message says what failed, for the log, and never carries a token, code or secret.
 */
public final class LoginFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;

  /**
   * @param status the HTTP status of the answer
   * @param error the error code of the answer
   * @param message what failed, for the log
   */
  public LoginFailure(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The error code of the answer, safe to show. */
  public String error() {
    return error;
  }
}
