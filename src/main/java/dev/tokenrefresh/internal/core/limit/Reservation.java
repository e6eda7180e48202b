package dev.tokenrefresh.internal.core.limit;

import dev.tokenrefresh.core.token.SessionKey;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt counted by an {@link AttemptLimiter}. When the call it was taken for is never started
 * (the breaker or the concurrency limit refused it), {@link #cancel()} un-counts it, so that being
 * refused for someone else's reason never pushes a session into cooldown. Thread-safe.
 */
public final class Reservation {

  private final AttemptLimiter limiter;
  private final SessionKey session;
  private final long startedAt;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** The attempt of a session the full table could not track: nothing to un-count. */
  static final Reservation UNTRACKED = new Reservation(null, null, 0);

  Reservation(AttemptLimiter limiter, SessionKey session, long startedAt) {
    this.limiter = limiter;
    this.session = session;
    this.startedAt = startedAt;
  }

  /** Un-counts the attempt; idempotent. */
  public void cancel() {
    if (limiter != null && cancelled.compareAndSet(false, true)) {
      limiter.cancel(session, startedAt);
    }
  }
}
