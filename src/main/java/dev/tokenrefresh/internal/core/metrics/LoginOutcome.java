package dev.tokenrefresh.internal.core.metrics;

import java.util.Locale;

/**
 * How a request to one of the login mechanism's endpoints ended (the callback, the back-channel
 * logout): the bounded {@code outcome} tag of the login metrics. Never carries anything of the
 * request.
 */
public enum LoginOutcome {
  /** The login completed, or the logout token was accepted and its sessions ended. */
  SUCCESS,
  /** The request was refused (4xx): a bad state, code, ID token or logout token, a wrong method. */
  REJECTED,
  /** The identity provider failed or answered something unusable (5xx). */
  IDP_ERROR,
  /** The identity provider has not been reached yet (503, discovery still retried). */
  IDP_NOT_READY;

  /** The lower-case name used in metric tags. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
