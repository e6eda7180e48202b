package dev.tokenrefresh.internal.core.time;

import java.time.Duration;

/**
 * Runs a task once after a delay. The core uses it to bound each identity-provider call; the
 * Jakarta layer backs it with a {@code ManagedScheduledExecutorService}, tests with a manual
 * scheduler driven by a fake {@link Ticker}.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Scheduler {

  /**
   * Schedules {@code task} to run once after {@code delay}.
   *
   * @return a handle that cancels the task if it has not run yet
   */
  Cancellable schedule(Runnable task, Duration delay);

  /** A handle on a scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not started; does nothing otherwise. */
    void cancel();
  }
}
