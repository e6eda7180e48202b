package dev.tokenrefresh.internal.jakarta.metrics;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.IDP_CALL_STARTED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.REFRESH_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.metrics.RefreshCounts;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.metrics.RefreshTotals;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The choices that need no server: {@code none} and an unknown value. */
class MetricsSelectionTest {

  @Test
  void none_recordsNoLibrary_butTheTotalsStillCount() {
    RefreshTotals totals = new RefreshTotals();
    // "none" never looks a registry up, so it needs no Instance
    RefreshMetrics metrics = MetricsSelection.select(Optional.of("none"), false, null, totals);
    metrics.occurred(REFRESH_REQUESTED);
    metrics.occurred(IDP_CALL_STARTED);
    metrics.bindSuspendedRequests(() -> 1);

    assertThat(totals.snapshot()).isEqualTo(new RefreshCounts.Snapshot(1, 0, 0, 1));
  }

  @Test
  void anUnknownChoice_isRefusedNamingTheKeyAndTheValue() {
    assertThatThrownBy(
            () ->
                MetricsSelection.select(
                    Optional.of("prometheus"), false, null, new RefreshTotals()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token-refresh.metrics")
        .hasMessageContaining("'prometheus'");
  }
}
