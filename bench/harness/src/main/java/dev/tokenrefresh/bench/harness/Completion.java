package dev.tokenrefresh.bench.harness;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answer of one simulated request: the first {@link #complete} records its outcome and its
 * latency in the {@link RequestLog}; later calls are ignored. Thread-safe.
 */
final class Completion {

  private final RequestLog log;
  private final int index;
  private final long arrivedAt;
  private final AtomicBoolean done = new AtomicBoolean();

  /**
   * @param arrivedAt {@link System#nanoTime()} of the request's arrival, or {@link
   *     RequestLog#BURST} for a request that arrived with the burst
   */
  Completion(RequestLog log, int index, long arrivedAt) {
    this.log = log;
    this.index = index;
    this.arrivedAt = arrivedAt;
  }

  /** Answers the request. */
  void complete(Outcome outcome) {
    if (done.compareAndSet(false, true)) {
      log.record(index, outcome, System.nanoTime(), arrivedAt);
    }
  }
}
