package dev.tokenrefresh.core.error;

/** How the identity provider failed. Every kind counts toward the circuit breaker. */
public enum FaultKind {
  /** The provider answered with an HTTP 5xx status. */
  SERVER_ERROR,
  /** The provider answered {@code temporarily_unavailable}. */
  TEMPORARILY_UNAVAILABLE,
  /** The connection failed or broke. */
  IO,
  /** The call did not finish within the configured timeout and was cancelled. */
  TIMEOUT,
  /** The provider answered something that is not a valid token response. */
  MALFORMED_RESPONSE,
  /**
   * The provider refused this client ({@code invalid_client}, {@code unauthorized_client}): a
   * server-side misconfiguration (client id, secret or key, or the client's settings at the
   * provider). No user is to blame, and every refresh fails alike until an operator fixes it; it
   * counts toward the breaker so that the fleet stops sending doomed, credential-bearing requests.
   */
  CLIENT_REJECTED,
  /** The provider answered with an error this module does not classify more precisely. */
  UNEXPECTED;

  /** The lower-case name used in metric tags and log lines. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
