package dev.tokenrefresh.bench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the JVM during one scenario: the peak of live threads (exact, from the {@link
 * ThreadMXBean}'s peak, reset at {@link #start}) and the peak of used heap (sampled every {@value
 * #SAMPLE_MILLIS} ms, so garbage not yet collected counts, and a peak between two samples can be
 * missed). Its own sampling thread is one of the live threads. Not thread-safe: one scenario at a
 * time.
 */
final class ResourceSampler {

  private static final long SAMPLE_MILLIS = 10;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peakHeap = new AtomicLong();
  private volatile boolean running;
  private Thread sampler;

  /** Collects garbage, resets the peaks and starts sampling. */
  void start() {
    System.gc();
    threads.resetPeakThreadCount();
    peakHeap.set(heapUsed());
    running = true;
    sampler = new Thread(this::sample, "resource-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Stops sampling; returns the peaks. */
  Peaks stop() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join(1_000);
    peakHeap.accumulateAndGet(heapUsed(), Math::max);
    return new Peaks(threads.getPeakThreadCount(), peakHeap.get() / (1024.0 * 1024.0));
  }

  /** Live threads now (between scenarios: the JVM's baseline). */
  int liveThreads() {
    return threads.getThreadCount();
  }

  private void sample() {
    while (running) {
      peakHeap.accumulateAndGet(heapUsed(), Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private long heapUsed() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  /**
   * What one scenario peaked at.
   *
   * @param liveThreads the most live threads at once (JVM-wide)
   * @param heapUsedMb the most used heap seen by a sample, in MiB
   */
  record Peaks(int liveThreads, double heapUsedMb) {}
}
