package dev.tokenrefresh.internal.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.FakeTime;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import dev.tokenrefresh.internal.core.metrics.CoordinatorGauges;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessReportTest {

  private final FakeTime time = new FakeTime();
  private final LastSuccess never = new LastSuccess(time);

  @Test
  void assess_breakerOpen_staysUpByDefault() {
    ReadinessReport r =
        ReadinessReport.assess(gauges(BreakerState.OPEN), never, true, false, Map.of());

    assertThat(r.up()).isTrue();
    assertThat(r.data()).containsEntry("breaker", "open");
  }

  @Test
  void assess_breakerOpen_isDownWhenConfiguredSo() {
    assertThat(ReadinessReport.assess(gauges(BreakerState.OPEN), never, true, true, Map.of()).up())
        .isFalse();
    assertThat(
            ReadinessReport.assess(gauges(BreakerState.HALF_OPEN), never, true, true, Map.of())
                .up())
        .isTrue();
  }

  @Test
  void assess_providerNotReady_isDown() {
    assertThat(
            ReadinessReport.assess(gauges(BreakerState.CLOSED), never, false, false, Map.of()).up())
        .isFalse();
  }

  @Test
  void data_reportsTheFiguresInAFixedOrder_andNoSuccessAsMinusOne() {
    ReadinessReport r =
        ReadinessReport.assess(
            gauges(BreakerState.HALF_OPEN), never, true, false, Map.of("cluster", "hazelcast"));

    assertThat(r.data())
        .containsExactly(
            Map.entry("breaker", "half-open"),
            Map.entry("inFlightCalls", 2L),
            Map.entry("queuedFlights", 3L),
            Map.entry("trackedSessions", 7L),
            Map.entry("msSinceLastSuccess", -1L),
            Map.entry("providerReady", true),
            Map.entry("cluster", "hazelcast"));
  }

  private static CoordinatorGauges gauges(BreakerState state) {
    return new CoordinatorGauges(
        () -> 2, () -> 3, () -> 4, () -> state, () -> 7, () -> 0, () -> true);
  }
}
