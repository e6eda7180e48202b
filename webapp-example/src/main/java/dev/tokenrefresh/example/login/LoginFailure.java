package dev.tokenrefresh.example.login;

/**
 * A login that cannot complete. {@link #error()} is a short code safe to show the user (an OAuth
 * error code or one of the example's own); the message never carries a token, code or secret.
 */
public final class LoginFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;

  /**
   * @param status the HTTP status of the answer to the browser
   * @param error the code shown to the user
   * @param message what went wrong, for the log
   */
  LoginFailure(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  /** The HTTP status of the answer to the browser. */
  public int status() {
    return status;
  }

  /** The code shown to the user. */
  public String error() {
    return error;
  }
}
