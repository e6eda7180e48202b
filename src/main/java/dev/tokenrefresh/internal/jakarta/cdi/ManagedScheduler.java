package dev.tokenrefresh.internal.jakarta.cdi;

import dev.tokenrefresh.internal.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The core's {@link Scheduler} on a container-managed {@code ManagedScheduledExecutorService}.
 * Thread-safe.
 */
final class ManagedScheduler implements Scheduler {

  private final ScheduledExecutorService executor;

  ManagedScheduler(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }
}
