package dev.tokenrefresh.internal.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.StandIn;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The heap gauge counts what survived the last collection, not garbage a young collection is about
 * to free: read just before a young GC, used/max is nearly full on a healthy heap.
 */
class HeapGaugeTest {

  private static final long MIB = 1024 * 1024;
  private static final long MAX = 1000 * MIB;

  @Test
  void aHeapFullOfGarbageJustBeforeAYoungCollection_isNotUnderPressure() {
    // Eden full of garbage (it was empty after the last collection), old generation at 20 %.
    HeapGauge gauge =
        gauge(
            pool("G1 Eden Space", MemoryType.HEAP, 750 * MIB, 0),
            pool("G1 Survivor Space", MemoryType.HEAP, 0, 0),
            pool("G1 Old Gen", MemoryType.HEAP, 200 * MIB, 200 * MIB));

    assertThat(gauge.usedFraction()).isLessThan(0.9).isCloseTo(0.2, within());
  }

  /**
   * A G1 heap that is really full. The second case: G1 updates the old generation's collection
   * usage only when old regions are collected.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          # behaviour (display name)                                                   | in MiB: eden, survivor, survivor after GC, old, old after GC
          live data that survived the last collection is under pressure,                   10, 30, 30, 920, 900
          a stale old generation collection usage does not hide what was promoted since,   30, 10, 10, 900, 100
          """)
  void g1HeapHoldingLiveData_isUnderPressure(
      String behaviour, long eden, long survivor, long survivorAfterGc, long old, long oldAfterGc) {
    HeapGauge gauge =
        gauge(
            pool("G1 Eden Space", MemoryType.HEAP, eden * MIB, 0),
            pool("G1 Survivor Space", MemoryType.HEAP, survivor * MIB, survivorAfterGc * MIB),
            pool("G1 Old Gen", MemoryType.HEAP, old * MIB, oldAfterGc * MIB));

    assertThat(gauge.usedFraction()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void nonHeapPools_areLeftOut() {
    HeapGauge gauge =
        gauge(
            pool("Metaspace", MemoryType.NON_HEAP, 900 * MIB, 900 * MIB),
            pool("PS Eden Space", MemoryType.HEAP, 500 * MIB, 0),
            pool("PS Old Gen", MemoryType.HEAP, 100 * MIB, 100 * MIB));

    assertThat(gauge.usedFraction()).isCloseTo(0.1, within());
  }

  @Test
  void withoutAYoungPool_fallsBackToUsedOverMax() {
    HeapGauge gauge = gauge(pool("ZHeap", MemoryType.HEAP, 500 * MIB, 100));

    assertThat(gauge.usedFraction()).isCloseTo(0.5, within());
  }

  @Test
  void jvm_readsThisJvmsHeapAsAFraction() {
    assertThat(HeapGauge.jvm().usedFraction()).isBetween(0.0, 1.0);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.001);
  }

  /** The gauge over {@code pools}, the heap using what their heap pools use together. */
  private static HeapGauge gauge(MemoryPoolMXBean... pools) {
    long used = 0;
    for (MemoryPoolMXBean p : pools) {
      if (p.getType() == MemoryType.HEAP) {
        used += p.getUsage().getUsed();
      }
    }
    return HeapGauge.of(heap(used), List.of(pools));
  }

  private static MemoryMXBean heap(long used) {
    MemoryUsage usage = new MemoryUsage(0, used, MAX, MAX);
    return StandIn.answering(MemoryMXBean.class)
        .answer("getHeapMemoryUsage", usage)
        .refusingTheRest();
  }

  /** A pool; {@code afterGc < 0}: one that reports no collection usage (not collected). */
  private static MemoryPoolMXBean pool(String name, MemoryType type, long used, long afterGc) {
    MemoryUsage now = new MemoryUsage(0, used, used, -1);
    MemoryUsage collected = afterGc < 0 ? null : new MemoryUsage(0, afterGc, afterGc, -1);
    return StandIn.answering(MemoryPoolMXBean.class)
        .answer("getName", name)
        .answer("getType", type)
        .answer("isValid", true)
        .answer("getUsage", now)
        .answer("getCollectionUsage", collected)
        .refusingTheRest();
  }
}
