package dev.tokenrefresh.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fires {@code n} calls at once: {@code n} threads wait at a start gate, which opens when all are
 * ready. The results are collected in order, each wait bounded. Not thread-safe (one test uses it).
 */
public final class Burst<T> {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RESULTS_TIMEOUT = Duration.ofSeconds(60);

  private final ExecutorService threads;
  private final List<Future<T>> calls;

  private Burst(ExecutorService threads, List<Future<T>> calls) {
    this.threads = threads;
    this.calls = calls;
  }

  /** Starts {@code n} concurrent calls and returns once all of them are under way. */
  public static <T> Burst<T> start(int n, Callable<T> call) {
    ExecutorService threads = Executors.newFixedThreadPool(n);
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<T>> calls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      calls.add(
          threads.submit(
              () -> {
                ready.countDown();
                gate.await();
                return call.call();
              }));
    }
    try {
      if (!ready.await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        threads.shutdownNow();
        throw new AssertionError("the burst's threads did not start within " + READY_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.shutdownNow();
      throw new AssertionError("interrupted while starting the burst", e);
    }
    gate.countDown();
    return new Burst<>(threads, calls);
  }

  /** Starts {@code n} concurrent calls and waits for their results. */
  public static <T> List<T> run(int n, Callable<T> call) {
    return start(n, call).results();
  }

  /** How many calls have finished, answered or failed, so far. */
  public int finished() {
    return (int) calls.stream().filter(Future::isDone).count();
  }

  /** Waits for every call, in the order they were started; the threads end either way. */
  public List<T> results() {
    long deadline = System.nanoTime() + RESULTS_TIMEOUT.toNanos();
    List<T> results = new ArrayList<>(calls.size());
    try {
      for (Future<T> call : calls) {
        long left = Math.max(0, deadline - System.nanoTime());
        results.add(call.get(left, TimeUnit.NANOSECONDS));
      }
      return results;
    } catch (ExecutionException e) {
      throw new AssertionError("a call of the burst failed", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the burst did not finish within " + RESULTS_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the burst", e);
    } finally {
      threads.shutdownNow();
    }
  }
}
