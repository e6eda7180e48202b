package dev.tokenrefresh.internal.oidc;

import java.io.IOException;

/** The provider's answer exceeded the body limit; a malformed answer, not a network fault. */
final class ResponseTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  ResponseTooLargeException(int limit) {
    super("the response body exceeds " + limit + " bytes");
  }
}
