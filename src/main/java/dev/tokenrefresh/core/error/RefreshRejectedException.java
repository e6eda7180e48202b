package dev.tokenrefresh.core.error;

import java.time.Duration;
import java.util.Objects;

/**
 * The coordinator refused to call the identity provider, to protect it or this server. The session
 * keeps its tokens; the client may retry after {@link #retryAfter()}. Immutable and thread-safe.
 */
public final class RefreshRejectedException extends RefreshException {

  private static final long serialVersionUID = 1L;

  private final RejectionReason reason;
  private final Duration retryAfter;

  /**
   * @param reason why the refresh was refused
   * @param retryAfter how long until a retry may succeed (zero or positive)
   */
  public RefreshRejectedException(RejectionReason reason, Duration retryAfter) {
    super("refresh rejected (" + reason.tag() + "), retry after " + retryAfter, null);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
  }

  /** Why the refresh was refused. */
  public RejectionReason reason() {
    return reason;
  }

  /** How long until a retry may succeed. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
