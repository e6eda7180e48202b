package dev.tokenrefresh.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One platform thread per request: every request of the burst gets its own thread, started before
 * the burst and parked on a gate until {@link #release()}, so that all of them arrive together.
 * Thread-safe.
 */
final class ThreadPerRequest extends RequestThreads {

  /** A request thread needs little stack; this keeps 10 000 of them cheap to reserve. */
  private static final long STACK_BYTES = 256 * 1024;

  private final CountDownLatch gate = new CountDownLatch(1);
  private final List<Thread> threads = new ArrayList<>();

  @Override
  synchronized void enqueue(Runnable request) {
    Runnable counted = counted(request);
    start(
        () -> {
          try {
            gate.await();
            counted.run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Override
  void release() {
    gate.countDown();
  }

  @Override
  public synchronized void execute(Runnable request) {
    start(counted(request));
  }

  @Override
  String label() {
    return "per-request";
  }

  @Override
  public synchronized void close() {
    gate.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (Thread t : threads) {
      try {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (t.isAlive()) {
        t.interrupt();
      }
    }
    threads.clear();
  }

  private void start(Runnable body) {
    Thread t = new Thread(null, body, "request", STACK_BYTES);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }
}
