package dev.tokenrefresh.core.support;

import dev.tokenrefresh.internal.core.time.Scheduler;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake clock and scheduler in one: time moves only through {@link #advance}, which runs every
 * task that has come due, in order, on the calling thread. Thread-safe.
 */
public final class FakeTime implements Ticker, Scheduler {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Task> tasks = new ArrayList<>();
  private long sequence;

  @Override
  public long read() {
    return nanos.get();
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    Task t = new Task(nanos.get() + delay.toNanos(), sequence++, task);
    tasks.add(t);
    return () -> cancel(t);
  }

  /** Moves time forward and runs the tasks that came due (outside the lock). */
  public void advance(Duration by) {
    long target = nanos.addAndGet(by.toNanos());
    while (true) {
      Task due;
      synchronized (this) {
        due =
            tasks.stream()
                .filter(t -> t.at() - target <= 0)
                .min(Comparator.comparingLong(Task::at).thenComparingLong(Task::seq))
                .orElse(null);
        if (due == null) {
          return;
        }
        tasks.remove(due);
      }
      due.task().run();
    }
  }

  /** Tasks scheduled and neither run nor cancelled. */
  public synchronized int pendingTasks() {
    return tasks.size();
  }

  private synchronized void cancel(Task t) {
    tasks.remove(t);
  }

  private record Task(long at, long seq, Runnable task) {}
}
