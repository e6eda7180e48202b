package dev.tokenrefresh.core.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/** Reports how full the heap is. Implementations must be thread-safe. */
@FunctionalInterface
public interface HeapGauge {

  /** Used heap divided by the maximum heap (or the committed heap when no maximum is defined). */
  double usedFraction();

  /** The gauge of this JVM's heap, read through its {@code MemoryMXBean}. */
  static HeapGauge jvm() {
    return () -> {
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
      return max <= 0 ? 0.0 : (double) heap.getUsed() / max;
    };
  }
}
