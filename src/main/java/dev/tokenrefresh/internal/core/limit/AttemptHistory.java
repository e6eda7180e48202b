package dev.tokenrefresh.internal.core.limit;

import java.util.Arrays;

/**
 * The immutable attempt history of one session: the start times of its recent provider calls
 * (ascending ticker readings) and, when it is cooling down, when the cooldown started and ends.
 */
record AttemptHistory(long[] starts, long cooldownStartedAt, long cooldownUntil) {

  static final AttemptHistory EMPTY =
      new AttemptHistory(new long[0], Long.MIN_VALUE, Long.MIN_VALUE);

  /**
   * The state after one more attempt at {@code now}; {@link #admitted} tells whether it counted.
   */
  AttemptHistory attempt(long now, int maxAttempts, long windowNanos, long cooldownNanos) {
    if (inCooldown(now)) {
      return this;
    }
    long[] recent = Arrays.stream(starts).filter(t -> now - t < windowNanos).toArray();
    if (recent.length >= maxAttempts) {
      // The cooldown wipes the count: when it ends, the session starts afresh.
      return new AttemptHistory(new long[0], now, now + cooldownNanos);
    }
    long[] next = Arrays.copyOf(recent, recent.length + 1);
    next[recent.length] = now;
    return new AttemptHistory(next, cooldownStartedAt, cooldownUntil);
  }

  /** Whether the attempt made at {@code now} was counted (rather than refused). */
  boolean admitted(long now) {
    return !inCooldown(now);
  }

  AttemptHistory withoutAttempt(long startedAt) {
    for (int i = starts.length - 1; i >= 0; i--) {
      if (starts[i] == startedAt) {
        long[] next = new long[starts.length - 1];
        System.arraycopy(starts, 0, next, 0, i);
        System.arraycopy(starts, i + 1, next, i, starts.length - i - 1);
        return new AttemptHistory(next, cooldownStartedAt, cooldownUntil);
      }
    }
    return this;
  }

  boolean isStale(long now, long windowNanos) {
    return !inCooldown(now) && Arrays.stream(starts).noneMatch(t -> now - t < windowNanos);
  }

  private boolean inCooldown(long now) {
    return cooldownUntil != Long.MIN_VALUE && now - cooldownUntil < 0;
  }
}
