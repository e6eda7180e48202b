package dev.tokenrefresh.internal.core.metrics;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.FLIGHT_JOINED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.GRACE_REPLAYED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.IDP_CALL_STARTED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.REFRESH_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.metrics.RefreshCounts;
import dev.tokenrefresh.core.support.CountingMetrics;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RefreshTotalsTest {

  @Test
  void snapshot_countsRequestsCoalescedGraceReplaysAndCalls_andPassesEveryEventOn() {
    CountingMetrics next = new CountingMetrics();
    RefreshTotals counts = new RefreshTotals(next);
    for (int i = 0; i < 5; i++) {
      counts.occurred(REFRESH_REQUESTED);
    }
    counts.occurred(FLIGHT_JOINED);
    counts.occurred(FLIGHT_JOINED);
    counts.occurred(FLIGHT_JOINED);
    counts.occurred(GRACE_REPLAYED);
    counts.occurred(IDP_CALL_STARTED);
    counts.refreshSucceeded(Duration.ofMillis(3));

    assertThat(counts.snapshot()).isEqualTo(new RefreshCounts.Snapshot(5, 3, 1, 1));
    assertThat(next.count("requested")).isEqualTo(5);
    assertThat(next.count("joined")).isEqualTo(3);
  }

  @Test
  void loginEvents_arePassedOnWithTheirOutcome() {
    CountingMetrics next = new CountingMetrics();
    RefreshTotals counts = new RefreshTotals(next);
    counts.loginCompleted(LoginOutcome.SUCCESS);
    counts.loginCompleted(LoginOutcome.REJECTED);
    counts.backChannelLogout(LoginOutcome.SUCCESS);

    assertThat(next.count("login.success")).isEqualTo(1);
    assertThat(next.count("login.rejected")).isEqualTo(1);
    assertThat(next.count("backChannelLogout.success")).isEqualTo(1);
    assertThat(counts.snapshot()).isEqualTo(new RefreshCounts.Snapshot(0, 0, 0, 0));
  }

  @Test
  void everyEventOfThePort_isOverriddenSoThatNoneIsSwallowed() {
    for (Method m : RefreshMetrics.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      assertThat(
              Arrays.stream(RefreshTotals.class.getDeclaredMethods())
                  .anyMatch(
                      d ->
                          d.getName().equals(m.getName())
                              && Arrays.equals(d.getParameterTypes(), m.getParameterTypes())))
          .as("RefreshTotals passes on " + m.getName())
          .isTrue();
    }
  }
}
