package dev.tokenrefresh.internal.core.breaker;

import static dev.tokenrefresh.core.support.Rejections.rejectedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.support.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The breaker's state machine on its own. */
class CircuitBreakerTest {

  private final FakeTime time = new FakeTime();
  private final List<String> transitions = new ArrayList<>();
  private final CircuitBreaker breaker =
      new CircuitBreaker(
          3, Duration.ofSeconds(30), 1, time, (from, to) -> transitions.add(from + "->" + to));

  @Test
  void onFault_threeConsecutive_opensAndRejectsWithTimeLeft() {
    fault();
    fault();
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    fault();
    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);

    time.advance(Duration.ofSeconds(10));
    assertThatThrownBy(breaker::tryAcquire)
        .isInstanceOfSatisfying(
            RefreshRejectedException.class,
            rejectedFor(RejectionReason.CIRCUIT_OPEN, Duration.ofSeconds(20)));
    assertThat(transitions).containsExactly("CLOSED->OPEN");
  }

  @Test
  void onSuccess_betweenFaults_resetsTheConsecutiveCount() {
    fault();
    fault();
    breaker.onSuccess(breaker.tryAcquire());
    fault();
    fault();
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void tryAcquire_afterOpenDuration_admitsExactlyOneProbe() {
    tripOpen();
    time.advance(Duration.ofSeconds(30));

    Permit probe = breaker.tryAcquire();
    assertThat(probe.probe()).isTrue();
    assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
    assertThatThrownBy(breaker::tryAcquire).isInstanceOf(RefreshRejectedException.class);
  }

  @Test
  void probeSuccess_closes_andProbeFault_reopens() {
    tripOpen();
    time.advance(Duration.ofSeconds(30));
    breaker.onFault(breaker.tryAcquire());
    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);

    time.advance(Duration.ofSeconds(30));
    breaker.onSuccess(breaker.tryAcquire());
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(transitions)
        .containsExactly(
            "CLOSED->OPEN",
            "OPEN->HALF_OPEN",
            "HALF_OPEN->OPEN",
            "OPEN->HALF_OPEN",
            "HALF_OPEN->CLOSED");
  }

  @Test
  void release_ofAProbe_letsTheNextProbeIn() {
    tripOpen();
    time.advance(Duration.ofSeconds(30));
    breaker.release(breaker.tryAcquire());
    assertThat(breaker.tryAcquire().probe()).isTrue();
  }

  @Test
  void permit_recordsAtMostOneOutcome() {
    Permit permit = breaker.tryAcquire();
    breaker.onFault(permit);
    breaker.onFault(permit);
    breaker.onFault(permit);
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void stalePermit_fromBeforeATrip_doesNotMoveTheLaterState() {
    Permit slow = breaker.tryAcquire();
    tripOpen();
    time.advance(Duration.ofSeconds(30));
    breaker.tryAcquire();
    breaker.onSuccess(slow);
    assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
  }

  private void tripOpen() {
    fault();
    fault();
    fault();
  }

  private void fault() {
    breaker.onFault(breaker.tryAcquire());
  }
}
