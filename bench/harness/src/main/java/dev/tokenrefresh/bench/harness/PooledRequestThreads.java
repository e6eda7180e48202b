package dev.tokenrefresh.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of request threads with an unbounded queue, like Payara's HTTP thread pool (200
 * threads by default): a request that finds every thread busy waits in the queue. The module's
 * resumptions ({@code AsyncContext.dispatch}) run on it too. Thread-safe.
 */
final class PooledRequestThreads extends RequestThreads {

  private final int size;
  private final ExecutorService pool;
  private final List<Runnable> burst = new ArrayList<>();

  PooledRequestThreads(int size) {
    this.size = size;
    ThreadPoolExecutor executor =
        (ThreadPoolExecutor) Executors.newFixedThreadPool(size, r -> new Thread(r, "http-pool"));
    // A running container's pool is warm; the per-request model also starts its threads before
    // the burst. Either way thread creation is not part of a request's latency.
    executor.prestartAllCoreThreads();
    this.pool = executor;
  }

  @Override
  synchronized void enqueue(Runnable request) {
    burst.add(counted(request));
  }

  @Override
  synchronized void release() {
    burst.forEach(pool::execute);
    burst.clear();
  }

  @Override
  public void execute(Runnable request) {
    pool.execute(counted(request));
  }

  @Override
  String label() {
    return "pool-" + size;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
