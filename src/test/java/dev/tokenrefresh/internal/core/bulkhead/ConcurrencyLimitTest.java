package dev.tokenrefresh.internal.core.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link ConcurrencyLimit} on its own: slots, the FIFO queue, refusal, release and abandon. */
class ConcurrencyLimitTest {

  @Test
  void constructor_withoutASlotOrWithANegativeQueue_isRefused() {
    assertThatThrownBy(() -> new ConcurrencyLimit(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConcurrencyLimit(1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acquire_whileSlotsAreFree_grantsAtOnce() {
    ConcurrencyLimit limit = new ConcurrencyLimit(2, 0);

    assertThat(limit.acquire()).isCompleted();
    assertThat(limit.acquire()).isCompleted();
    assertThat(limit.running()).isEqualTo(2);
    assertThat(limit.queued()).isZero();
  }

  @Test
  void acquire_withEverySlotTaken_waitsAndReleaseHandsTheSlotToTheOldestWaiter() {
    ConcurrencyLimit limit = new ConcurrencyLimit(1, 2);
    Slot held = limit.acquire().join();
    CompletableFuture<Slot> older = limit.acquire();
    CompletableFuture<Slot> younger = limit.acquire();
    assertThat(older).isNotDone();
    assertThat(limit.queued()).isEqualTo(2);

    held.release();

    assertThat(older).isCompleted();
    assertThat(younger).isNotDone();
    assertThat(limit.running()).as("the slot passed on, not freed").isEqualTo(1);
    assertThat(limit.queued()).isEqualTo(1);
  }

  @Test
  void acquire_withSlotsAndQueueFull_isRejectedAsSaturated() {
    ConcurrencyLimit limit = new ConcurrencyLimit(1, 1);
    limit.acquire();
    limit.acquire();

    assertThatThrownBy(limit::acquire)
        .isInstanceOfSatisfying(
            RefreshRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.SATURATED));
    assertThat(limit.queued()).isEqualTo(1);
  }

  @Test
  void release_twice_givesTheSlotBackOnce() {
    ConcurrencyLimit limit = new ConcurrencyLimit(2, 0);
    Slot slot = limit.acquire().join();
    limit.acquire();

    slot.release();
    slot.release();

    assertThat(limit.running()).isEqualTo(1);
  }

  @Test
  void abandon_ofAWaiter_failsItAsSaturatedAndFreesItsPlaceInTheQueue() {
    ConcurrencyLimit limit = new ConcurrencyLimit(1, 1);
    Slot held = limit.acquire().join();
    CompletableFuture<Slot> waiter = limit.acquire();

    assertThat(limit.abandon(waiter)).isTrue();

    assertThat(waiter).isCompletedExceptionally();
    assertThat(limit.queued()).isZero();
    held.release();
    assertThat(limit.running()).as("nobody left to hand the slot to").isZero();
  }

  @Test
  void abandon_ofAWaiterThatAlreadyGotItsSlot_changesNothing() {
    ConcurrencyLimit limit = new ConcurrencyLimit(1, 1);
    Slot held = limit.acquire().join();
    CompletableFuture<Slot> waiter = limit.acquire();
    held.release();

    assertThat(limit.abandon(waiter)).isFalse();

    assertThat(waiter).isCompleted();
    assertThat(limit.running()).isEqualTo(1);
  }
}
