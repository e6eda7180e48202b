package dev.tokenrefresh.internal.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.support.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link IntervalGate} on its own: one caller through per interval, and the time until the next.
 */
class IntervalGateTest {

  private static final Duration INTERVAL = Duration.ofSeconds(1);

  private final FakeTime time = new FakeTime();
  private final IntervalGate gate = new IntervalGate(INTERVAL, time);

  @Test
  void tryPass_letsTheFirstCallerThroughAtOnce_thenNoneUntilTheIntervalEnds() {
    assertThat(gate.tryPass()).isTrue();
    assertThat(gate.tryPass()).isFalse();

    time.advance(INTERVAL.minusNanos(1));
    assertThat(gate.tryPass()).isFalse();

    time.advance(Duration.ofNanos(1));
    assertThat(gate.tryPass()).isTrue();
    assertThat(gate.tryPass()).isFalse();
  }

  @Test
  void untilNextPass_isZeroWhileOneMayPass_andTheRestOfTheIntervalAfterOnePassed() {
    assertThat(gate.untilNextPass()).isZero();

    gate.tryPass();
    time.advance(Duration.ofMillis(300));
    assertThat(gate.untilNextPass()).isEqualTo(Duration.ofMillis(700));

    time.advance(Duration.ofSeconds(5));
    assertThat(gate.untilNextPass()).as("never negative").isZero();
  }
}
