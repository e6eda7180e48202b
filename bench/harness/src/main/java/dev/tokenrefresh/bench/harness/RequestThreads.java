package dev.tokenrefresh.bench.harness;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The servlet container's request threads, as the harness models them: either {@linkplain
 * PooledRequestThreads a bounded pool} (a real container's HTTP pool) or {@linkplain
 * ThreadPerRequest one platform thread per request} (an unbounded pool: the best case for the
 * latency of strategies that block). Counts how many request threads are held at once. Thread-safe.
 */
abstract class RequestThreads implements Executor, AutoCloseable {

  private final AtomicInteger held = new AtomicInteger();
  private final AtomicInteger peakHeld = new AtomicInteger();

  /** Queues a request of the burst; it starts only at {@link #release()}. */
  abstract void enqueue(Runnable request);

  /** Releases the burst: every enqueued request starts (or is queued on the pool) now. */
  abstract void release();

  /** Stops every thread, waiting a bounded time. */
  @Override
  public abstract void close();

  /** The model's name in the output: {@code pool-200} or {@code per-request}. */
  abstract String label();

  /** The most request threads that were running a request (or a resumption) at once. */
  final int peakHeld() {
    return peakHeld.get();
  }

  /** Wraps a request so that its thread counts as held while it runs. */
  final Runnable counted(Runnable request) {
    return () -> {
      peakHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
      try {
        request.run();
      } finally {
        held.decrementAndGet();
      }
    };
  }
}
