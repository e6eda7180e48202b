package dev.tokenrefresh.internal.jakarta.filter;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import java.time.Duration;

/**
 * The HTTP answer for a refresh that produced no tokens (README, "HTTP outcomes"). Each outcome has
 * a status, an error code for the small JSON body, and a {@code Retry-After} where a retry can
 * succeed. No message, token or stack trace ever reaches the client.
 *
 * @param status the HTTP status
 * @param error the {@code error} field of the JSON body
 * @param retryAfter seconds until a retry may succeed, or {@code null} for none
 * @param endsSession whether the session's tokens must be cleared (the grant is dead)
 */
public record RefreshOutcome(int status, String error, Long retryAfter, boolean endsSession) {

  /** Seconds a client should wait after a provider fault before it retries. */
  public static final long IDP_FAULT_RETRY_SECONDS = 5;

  /** The answer when the request's own wait ran out, or too many requests were waiting. */
  public static RefreshOutcome waitExpired() {
    return new RefreshOutcome(503, "refresh_timeout", 1L, false);
  }

  /** The answer when too many requests are already waiting for refreshes. */
  public static RefreshOutcome tooManyWaiting() {
    return new RefreshOutcome(503, "too_many_waiting", 1L, false);
  }

  /**
   * The answer when the session was logged out or invalidated while its refresh ran: the new tokens
   * are not stored, and the browser is sent to log in like after a dead grant.
   */
  public static RefreshOutcome sessionEnded() {
    return new RefreshOutcome(401, "session_ended", null, true);
  }

  /** Maps a refresh failure to its answer. */
  public static RefreshOutcome of(Throwable failure) {
    if (failure instanceof GrantRevokedException) {
      return new RefreshOutcome(401, "session_expired", null, true);
    }
    if (failure instanceof RefreshRejectedException rejected) {
      int status =
          switch (rejected.reason()) {
            case COOLDOWN -> 429;
            default -> 503;
          };
      return new RefreshOutcome(
          status, rejected.reason().tag(), seconds(rejected.retryAfter()), false);
    }
    if (failure instanceof IdpFaultException fault) {
      String error =
          switch (fault.kind()) {
            case TIMEOUT -> "idp_timeout";
            case CLIENT_REJECTED -> "client_rejected";
            default -> "idp_unavailable";
          };
      return new RefreshOutcome(503, error, IDP_FAULT_RETRY_SECONDS, false);
    }
    return new RefreshOutcome(503, "refresh_failed", IDP_FAULT_RETRY_SECONDS, false);
  }

  /** Rounds up, at least one second: {@code Retry-After: 0} invites a hot loop. */
  static long seconds(Duration d) {
    long s = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, s);
  }
}
