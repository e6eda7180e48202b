package dev.tokenrefresh.core.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The end of a test's thread pool, for the {@code close()} of the fixture that owns it. */
public final class Pools {

  private Pools() {}

  /**
   * Interrupts every task of {@code pool} and waits at most 5 s for its threads to end; an
   * interrupt while waiting ends the wait and stays set on the calling thread.
   */
  public static void stopNow(ExecutorService pool) {
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
