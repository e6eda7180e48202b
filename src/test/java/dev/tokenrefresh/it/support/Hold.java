package dev.tokenrefresh.it.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the identity provider's answer back until the test releases it, or until {@code max} has
 * passed, so that a test can gather requests behind one refresh. Thread-safe.
 */
public final class Hold {

  private final CountDownLatch released = new CountDownLatch(1);
  private final Duration max;

  /**
   * @param max the longest the answer is kept back, below the library's read timeout
   */
  public Hold(Duration max) {
    this.max = max;
  }

  /** Lets the held answer go. */
  public void release() {
    released.countDown();
  }

  /** The longest the answer is kept back. */
  public Duration max() {
    return max;
  }

  void await() {
    try {
      released.await(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
