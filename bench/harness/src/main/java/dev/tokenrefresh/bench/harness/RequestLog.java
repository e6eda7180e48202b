package dev.tokenrefresh.bench.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Outcomes and latencies of one scenario's requests, indexed by request. A request's latency runs
 * from its arrival (for the burst: the moment the burst was released) to its answer. Thread-safe.
 */
final class RequestLog {

  /** The arrival of every request of the burst: the moment {@link #startBurst} was called. */
  static final long BURST = Long.MIN_VALUE;

  private final AtomicLongArray latencyNanos;
  private final AtomicReferenceArray<Outcome> outcomes;
  private final CountDownLatch unanswered;
  private volatile long burstStart;

  RequestLog(int requests) {
    latencyNanos = new AtomicLongArray(requests);
    outcomes = new AtomicReferenceArray<>(requests);
    unanswered = new CountDownLatch(requests);
  }

  /** The completion of request {@code index}. */
  Completion completion(int index, long arrivedAt) {
    return new Completion(this, index, arrivedAt);
  }

  /** Marks the burst's release; returns its time. */
  long startBurst() {
    burstStart = System.nanoTime();
    return burstStart;
  }

  /** Waits until every request was answered, at most {@code deadline}. */
  boolean awaitAll(Duration deadline) throws InterruptedException {
    return unanswered.await(deadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  void record(int index, Outcome outcome, long answeredAt, long arrivedAt) {
    long from = arrivedAt == BURST ? burstStart : arrivedAt;
    latencyNanos.set(index, answeredAt - from);
    outcomes.set(index, outcome);
    unanswered.countDown();
  }

  /** Summarizes requests {@code from} (inclusive) to {@code to} (exclusive). */
  Summary summarize(int from, int to) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      counts.put(o, 0);
    }
    long[] answered = new long[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      Outcome o = outcomes.get(i);
      counts.merge(o == null ? Outcome.UNFINISHED : o, 1, Integer::sum);
      if (o != null) {
        answered[n++] = latencyNanos.get(i);
      }
    }
    long[] sorted = Arrays.copyOf(answered, n);
    Arrays.sort(sorted);
    return new Summary(
        counts, percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100));
  }

  /** Nearest-rank percentile in milliseconds; NaN when nothing was answered. */
  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  /**
   * Outcome counts and answer latencies (of answered requests, successes and failures alike).
   *
   * @param counts requests per outcome ({@link Outcome#UNFINISHED}: never answered)
   * @param p50Ms median latency in milliseconds
   * @param p99Ms 99th percentile latency in milliseconds
   * @param maxMs the slowest answer in milliseconds
   */
  record Summary(Map<Outcome, Integer> counts, double p50Ms, double p99Ms, double maxMs) {
    int count(Outcome o) {
      return counts.get(o);
    }
  }
}
