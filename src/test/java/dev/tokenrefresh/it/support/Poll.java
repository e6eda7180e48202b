package dev.tokenrefresh.it.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits, bounded, for something that takes real time in the server (an open breaker's duration, a
 * call slot given back after its answer). Not a timing assertion: it only stops waiting early.
 */
public final class Poll {

  private Poll() {}

  /**
   * Reads {@code probe} every {@code every} until {@code done} accepts the reading.
   *
   * @return the accepted reading
   * @throws AssertionError naming {@code what} and the last reading when {@code max} has passed
   */
  public static <T> T until(
      String what, Duration max, Duration every, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      T reading = probe.get();
      if (done.test(reading)) {
        return reading;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + " did not happen within " + max + "; last: " + reading);
      }
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until " + what, e);
      }
    }
  }
}
