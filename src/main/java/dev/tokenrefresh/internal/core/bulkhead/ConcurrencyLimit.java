package dev.tokenrefresh.internal.core.bulkhead;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the identity-provider calls running at once to {@code maxConcurrent}; further callers wait
 * in a FIFO queue of at most {@code maxQueued}, and beyond that are refused as {@link
 * RejectionReason#SATURATED}. Waiting never blocks a thread: {@link #acquire()} returns a future
 * that completes with a {@link Slot} when one frees up.
 *
 * <p>A slot is given back only by {@link Slot#release()}, which the coordinator calls when the call
 * has really finished or was cancelled before it started, never merely because a caller stopped
 * waiting. A short lock guards the counter and the queue (no I/O and no callbacks run under it;
 * futures are completed after it is released). Thread-safe.
 */
public final class ConcurrencyLimit {

  private static final Duration SATURATED_RETRY = Duration.ofSeconds(1);

  private final int maxConcurrent;
  private final int maxQueued;
  private final ReentrantLock lock = new ReentrantLock();

  /** Guarded by {@link #lock}: slots handed out and not yet released. */
  private int running;

  /** Guarded by {@link #lock}: callers waiting for a slot, oldest first. */
  private final ArrayDeque<CompletableFuture<Slot>> queue = new ArrayDeque<>();

  /**
   * @param maxConcurrent slots (at least 1)
   * @param maxQueued waiting callers (0 or more)
   */
  public ConcurrencyLimit(int maxConcurrent, int maxQueued) {
    if (maxConcurrent < 1 || maxQueued < 0) {
      throw new IllegalArgumentException("maxConcurrent must be >= 1 and maxQueued >= 0");
    }
    this.maxConcurrent = maxConcurrent;
    this.maxQueued = maxQueued;
  }

  /**
   * Asks for a slot.
   *
   * @return a future that completes with the slot, at once when one is free
   * @throws RefreshRejectedException {@code SATURATED} when every slot is taken and the queue is
   *     full
   */
  public CompletableFuture<Slot> acquire() {
    lock.lock();
    try {
      if (running < maxConcurrent) {
        running++;
        return CompletableFuture.completedFuture(new Slot(this));
      }
      if (queue.size() >= maxQueued) {
        throw new RefreshRejectedException(RejectionReason.SATURATED, SATURATED_RETRY);
      }
      CompletableFuture<Slot> waiter = new CompletableFuture<>();
      queue.addLast(waiter);
      return waiter;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Withdraws a waiter that gave up (its deadline passed) and fails it as {@code SATURATED}.
   *
   * @return {@code true} if it was still waiting; {@code false} if it already holds a slot
   */
  public boolean abandon(CompletableFuture<Slot> waiter) {
    boolean removed;
    lock.lock();
    try {
      removed = queue.remove(waiter);
    } finally {
      lock.unlock();
    }
    if (removed) {
      waiter.completeExceptionally(
          new RefreshRejectedException(RejectionReason.SATURATED, SATURATED_RETRY));
    }
    return removed;
  }

  /** Slots in use now: the provider calls running (or about to). */
  public int running() {
    lock.lock();
    try {
      return running;
    } finally {
      lock.unlock();
    }
  }

  /** Callers waiting for a slot now. */
  public int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  void release() {
    CompletableFuture<Slot> next;
    lock.lock();
    try {
      next = queue.pollFirst();
      if (next == null) {
        running--;
      }
    } finally {
      lock.unlock();
    }
    // The slot passes straight to the oldest waiter; completing it runs its callbacks, so it
    // happens outside the lock.
    if (next != null) {
      next.complete(new Slot(this));
    }
  }
}
