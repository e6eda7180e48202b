package dev.tokenrefresh.internal.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.FakeTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link MemoryGuard} on its own: the threshold, the sampling interval and the pressure signal. */
class MemoryGuardTest {

  private static final Duration INTERVAL = Duration.ofSeconds(1);

  private final FakeTime time = new FakeTime();
  private final AtomicReference<Double> heap = new AtomicReference<>(0.5);
  private final AtomicInteger samples = new AtomicInteger();
  private final AtomicInteger pressureSignals = new AtomicInteger();

  private MemoryGuard guard(boolean enabled) {
    HeapGauge gauge =
        () -> {
          samples.incrementAndGet();
          return heap.get();
        };
    return new MemoryGuard(
        new MemoryGuard.Policy(enabled, 0.9, INTERVAL),
        gauge,
        time,
        pressureSignals::incrementAndGet);
  }

  @Test
  void underPressure_belowTheThreshold_isFalse_andAtIt_isTrue() {
    heap.set(0.89);
    assertThat(guard(true).underPressure()).isFalse();

    heap.set(0.9);
    assertThat(guard(true).underPressure()).isTrue();
  }

  @Test
  void underPressure_samplesTheHeapAtMostOncePerInterval() {
    MemoryGuard guard = guard(true);
    for (int i = 0; i < 10_000; i++) {
      assertThat(guard.underPressure()).isFalse();
    }
    assertThat(samples).hasValue(1);

    time.advance(INTERVAL);
    guard.underPressure();
    assertThat(samples).hasValue(2);
  }

  @Test
  void verdict_changesOnlyAtTheNextSample() {
    MemoryGuard guard = guard(true);
    assertThat(guard.underPressure()).isFalse();

    heap.set(0.95);
    time.advance(INTERVAL.minusMillis(1));
    assertThat(guard.underPressure()).as("the last verdict until the interval ends").isFalse();
    assertThat(guard.untilNextSample()).isEqualTo(Duration.ofMillis(1));

    time.advance(Duration.ofMillis(1));
    assertThat(guard.underPressure()).isTrue();
  }

  @Test
  void pressureSignal_isGivenOnceEachTimeTheHeapEntersPressure() {
    MemoryGuard guard = guard(true);
    heap.set(0.95);
    guard.underPressure();
    time.advance(INTERVAL);
    guard.underPressure();
    assertThat(pressureSignals).as("staying under pressure is not a new entry").hasValue(1);

    heap.set(0.5);
    time.advance(INTERVAL);
    assertThat(guard.underPressure()).isFalse();
    heap.set(0.95);
    time.advance(INTERVAL);
    assertThat(guard.underPressure()).isTrue();

    assertThat(pressureSignals).hasValue(2);
  }

  @Test
  void switchedOff_neverSamplesNorReportsPressure() {
    heap.set(0.99);
    MemoryGuard guard = guard(false);

    assertThat(guard.underPressure()).isFalse();
    assertThat(samples).hasValue(0);
    assertThat(pressureSignals).hasValue(0);
  }
}
