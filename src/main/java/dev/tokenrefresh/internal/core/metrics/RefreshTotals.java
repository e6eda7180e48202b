package dev.tokenrefresh.internal.core.metrics;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.FLIGHT_JOINED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.GRACE_REPLAYED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.IDP_CALL_STARTED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.REFRESH_REQUESTED;

import dev.tokenrefresh.core.metrics.RefreshCounts;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The application-wide totals of the coordinator's events, which an application can show without a
 * metrics library (the example's page does). The metrics port counts each event here whichever
 * library records it, or none. Thread-safe; counting is a {@link LongAdder} increment.
 */
public final class RefreshTotals {

  /** One adder per event, all put in by the constructor: only read (and incremented) after it. */
  private final Map<RefreshEvent, LongAdder> totals = new EnumMap<>(RefreshEvent.class);

  public RefreshTotals() {
    for (RefreshEvent event : RefreshEvent.values()) {
      totals.put(event, new LongAdder());
    }
  }

  /** Counts one {@code event}. */
  public void count(RefreshEvent event) {
    totals.get(event).increment();
  }

  /** The totals now; each field read on its own (a snapshot taken during a burst may be torn). */
  public RefreshCounts.Snapshot snapshot() {
    return new RefreshCounts.Snapshot(
        total(REFRESH_REQUESTED),
        total(FLIGHT_JOINED),
        total(GRACE_REPLAYED),
        total(IDP_CALL_STARTED));
  }

  private long total(RefreshEvent event) {
    return totals.get(event).sum();
  }
}
