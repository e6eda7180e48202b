package dev.tokenrefresh.internal.core.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Locale;

/** Reports how full the heap is. Implementations must be thread-safe. */
@FunctionalInterface
public interface HeapGauge {

  /**
   * The heap's live share: what it holds that a young collection would not free, divided by the
   * maximum heap (or the committed heap when no maximum is defined).
   */
  double usedFraction();

  /** The gauge of this JVM's heap (see {@link #of}). */
  static HeapGauge jvm() {
    return of(ManagementFactory.getMemoryMXBean(), ManagementFactory.getMemoryPoolMXBeans());
  }

  /**
   * The gauge of the heap {@code memory} reports, from its {@code pools}. A young pool (eden,
   * survivor, nursery, a young generation) counts with its usage after the last collection ({@link
   * MemoryPoolMXBean#getCollectionUsage()}): just before a young collection it is full of garbage
   * that collection frees, which used/max would count as pressure. Every other heap pool counts
   * with its current usage: an old generation grows only by what survived young collections (and
   * large objects), and its collection usage may be stale (G1 updates it only when old regions are
   * collected). Without any young pool reporting a collection usage, used/max of the whole heap.
   */
  static HeapGauge of(MemoryMXBean memory, List<MemoryPoolMXBean> pools) {
    return () -> {
      MemoryUsage heap = memory.getHeapMemoryUsage();
      long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
      if (max <= 0) {
        return 0.0;
      }
      long live = 0;
      boolean anyYoungAfterCollection = false;
      for (MemoryPoolMXBean pool : pools) {
        if (pool.getType() != MemoryType.HEAP || !pool.isValid()) {
          continue;
        }
        MemoryUsage afterCollection = isYoung(pool.getName()) ? pool.getCollectionUsage() : null;
        if (afterCollection != null) {
          anyYoungAfterCollection = true;
          live += afterCollection.getUsed();
        } else {
          live += pool.getUsage().getUsed();
        }
      }
      return (double) (anyYoungAfterCollection ? live : heap.getUsed()) / max;
    };
  }

  /**
   * Whether a pool is emptied by every young collection, by the names HotSpot's collectors give
   * them (the heuristic Micrometer's JVM memory metrics use as well).
   */
  private static boolean isYoung(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("eden")
        || n.contains("survivor")
        || n.contains("nursery")
        || n.contains("young");
  }
}
