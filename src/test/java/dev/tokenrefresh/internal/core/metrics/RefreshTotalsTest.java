package dev.tokenrefresh.internal.core.metrics;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.FLIGHT_JOINED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.GRACE_REPLAYED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.IDP_CALL_STARTED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.REFRESH_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.metrics.RefreshCounts;
import org.junit.jupiter.api.Test;

class RefreshTotalsTest {

  @Test
  void snapshot_countsRequestsCoalescedGraceReplaysAndCalls() {
    RefreshTotals totals = new RefreshTotals();
    for (int i = 0; i < 5; i++) {
      totals.count(REFRESH_REQUESTED);
    }
    totals.count(FLIGHT_JOINED);
    totals.count(FLIGHT_JOINED);
    totals.count(FLIGHT_JOINED);
    totals.count(GRACE_REPLAYED);
    totals.count(IDP_CALL_STARTED);

    assertThat(totals.snapshot()).isEqualTo(new RefreshCounts.Snapshot(5, 3, 1, 1));
  }

  @Test
  void snapshot_leavesOutTheEventsItHasNoFieldFor() {
    RefreshTotals totals = new RefreshTotals();
    for (RefreshEvent event : RefreshEvent.values()) {
      totals.count(event);
    }

    assertThat(totals.snapshot()).isEqualTo(new RefreshCounts.Snapshot(1, 1, 1, 1));
  }

  @Test
  void snapshot_beforeAnyEvent_isAllZero() {
    assertThat(new RefreshTotals().snapshot()).isEqualTo(new RefreshCounts.Snapshot(0, 0, 0, 0));
  }
}
