package dev.tokenrefresh.example.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshTallyTest {

  private static final Instant LOGIN = Instant.parse("2030-01-01T00:00:00Z");
  private static final int WAITERS = 100;

  @Test
  void record_byEveryWaiterOfOneRefresh_countsOnce() throws Exception {
    RefreshTally tally = new RefreshTally(LOGIN);

    together(WAITERS, () -> tally.record(LOGIN.plusSeconds(15)));

    assertThat(tally.refreshes()).isEqualTo(1);
  }

  /**
   * Negative control: the harness really runs every waiter, so a store that counted each report (as
   * a naive one would) reads 100, and the assertion above would catch it.
   */
  @Test
  void naiveCount_byEveryWaiterOfOneRefresh_countsEachWaiter() throws Exception {
    AtomicInteger naive = new AtomicInteger();

    together(WAITERS, naive::incrementAndGet);

    assertThat(naive.get()).isEqualTo(WAITERS);
  }

  @Test
  void record_newerRefresh_countsAgain_olderOrSameIsIgnored() {
    RefreshTally tally = new RefreshTally(LOGIN);

    tally.record(LOGIN.plusSeconds(15));
    tally.record(LOGIN.plusSeconds(30));
    tally.record(LOGIN.plusSeconds(15));
    tally.record(LOGIN.plusSeconds(30));
    tally.record(LOGIN);

    assertThat(tally.refreshes()).isEqualTo(2);
  }

  /** Runs {@code action} on {@code threads} threads released together by a barrier. */
  private static void together(int threads, Runnable action) throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> started = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException | BrokenBarrierException e) {
                  throw new IllegalStateException(e);
                }
                action.run();
              });
      t.start();
      started.add(t);
    }
    for (Thread t : started) {
      t.join();
    }
  }
}
