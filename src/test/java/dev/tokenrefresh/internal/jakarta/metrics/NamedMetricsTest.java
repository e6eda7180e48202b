package dev.tokenrefresh.internal.jakarta.metrics;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.ATTEMPT_UNTRACKED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.CLAIM_FOLLOWED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.CLAIM_LED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.CLAIM_TAKEN_OVER;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.COOLDOWN_STARTED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.FLIGHT_JOINED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.GRACE_DROPPED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.GRACE_REPLAYED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.GRID_FAILED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.IDP_CALL_STARTED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.LEASE_LOST;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.LEASE_RENEWED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.MEMORY_PRESSURE_ENTERED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.REFRESH_REQUESTED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.RETRIED_NOT_SENT;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.STALE_COPY_CORRECTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.metrics.RefreshCounts;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import dev.tokenrefresh.internal.core.metrics.CoordinatorGauges;
import dev.tokenrefresh.internal.core.metrics.LoginOutcome;
import dev.tokenrefresh.internal.core.metrics.RefreshTotals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** The README's metrics table: which event moves which name. */
class NamedMetricsTest {

  private final List<String> events = new ArrayList<>();
  private final Map<String, IntSupplier> gauges = new TreeMap<>();
  private final RefreshTotals totals = new RefreshTotals();
  private final MeterSink sink =
      new MeterSink() {
        @Override
        public void register(String name) {
          events.add("register " + name);
        }

        @Override
        public void increment(String name) {
          events.add(name);
        }

        @Override
        public void increment(String name, String key, String value) {
          events.add(name + "{" + key + "=" + value + "}");
        }

        @Override
        public void record(String name, Duration duration) {
          events.add(name + " " + duration.toMillis() + "ms");
        }

        @Override
        public void gauge(String name, IntSupplier value) {
          gauges.put(name, value);
        }
      };

  @Test
  void construction_registersTheCountersThatMustReadZeroBeforeTheirFirstEvent() {
    new NamedMetrics(sink, totals);
    assertThat(events)
        .containsExactly(
            "register token_refresh_requests",
            "register token_refresh_coalesced",
            "register token_refresh_grace_replays",
            "register token_refresh_idp_calls",
            "register token_refresh_successes",
            "register token_refresh_breaker_trips",
            "register token_refresh_cooldowns",
            "register token_refresh_memory_pressure_events");
  }

  @Test
  void events_moveTheDocumentedNames() {
    NamedMetrics metrics = new NamedMetrics(sink, totals);
    events.clear();
    metrics.occurred(REFRESH_REQUESTED);
    metrics.occurred(FLIGHT_JOINED);
    metrics.occurred(GRACE_REPLAYED);
    metrics.occurred(IDP_CALL_STARTED);
    metrics.refreshSucceeded(Duration.ofMillis(12));
    metrics.grantRevoked(Duration.ofMillis(3));
    metrics.idpFaulted(FaultKind.TIMEOUT, Duration.ofMillis(30));
    metrics.rejected(RejectionReason.CIRCUIT_OPEN);
    metrics.breakerTransitioned(BreakerState.CLOSED, BreakerState.OPEN);
    metrics.breakerTransitioned(BreakerState.OPEN, BreakerState.HALF_OPEN);
    metrics.occurred(COOLDOWN_STARTED);
    metrics.occurred(MEMORY_PRESSURE_ENTERED);
    metrics.occurred(ATTEMPT_UNTRACKED);
    assertThat(events)
        .containsExactly(
            "token_refresh_requests",
            "token_refresh_coalesced",
            "token_refresh_grace_replays",
            "token_refresh_idp_calls",
            "token_refresh_successes",
            "token_refresh_idp_call_duration 12ms",
            "token_refresh_failures{kind=grant_revoked}",
            "token_refresh_idp_call_duration 3ms",
            "token_refresh_failures{kind=timeout}",
            "token_refresh_idp_call_duration 30ms",
            "token_refresh_rejections{reason=circuit_open}",
            "token_refresh_breaker_trips",
            "token_refresh_cooldowns",
            "token_refresh_memory_pressure_events",
            "token_refresh_untracked_attempts");
  }

  @Test
  void everyEvent_isCountedInTheTotalsAsWellAsRecorded() {
    NamedMetrics metrics = new NamedMetrics(sink, totals);
    events.clear();
    for (int i = 0; i < 3; i++) {
      metrics.occurred(REFRESH_REQUESTED);
    }
    metrics.occurred(FLIGHT_JOINED);
    metrics.occurred(FLIGHT_JOINED);
    metrics.occurred(IDP_CALL_STARTED);
    metrics.occurred(LEASE_RENEWED);

    assertThat(totals.snapshot()).isEqualTo(new RefreshCounts.Snapshot(3, 2, 0, 1));
    assertThat(events).hasSize(7);
  }

  @Test
  void graceDroppedAndRetriedNotSent_moveTheDocumentedNames() {
    NamedMetrics metrics = new NamedMetrics(sink, totals);
    events.clear();
    metrics.occurred(GRACE_DROPPED);
    metrics.occurred(RETRIED_NOT_SENT);
    assertThat(events)
        .containsExactly("token_refresh_grace_dropped", "token_refresh_retries_not_sent");
  }

  @Test
  void clusterEvents_moveTheDocumentedNames() {
    NamedMetrics metrics = new NamedMetrics(sink, totals);
    events.clear();
    metrics.occurred(CLAIM_LED);
    metrics.occurred(CLAIM_FOLLOWED);
    metrics.occurred(CLAIM_TAKEN_OVER);
    metrics.occurred(LEASE_RENEWED);
    metrics.occurred(LEASE_LOST);
    metrics.occurred(STALE_COPY_CORRECTED);
    metrics.occurred(GRID_FAILED);
    metrics.rejected(RejectionReason.CLUSTER_UNAVAILABLE);
    assertThat(events)
        .containsExactly(
            "token_refresh_cluster_claims{role=led}",
            "token_refresh_cluster_claims{role=followed}",
            "token_refresh_cluster_claims{role=taken_over}",
            "token_refresh_cluster_lease_renewals",
            "token_refresh_cluster_leases_lost",
            "token_refresh_cluster_stale_copies_corrected",
            "token_refresh_cluster_grid_failures",
            "token_refresh_rejections{reason=cluster_unavailable}");
  }

  @Test
  void loginEvents_moveTheDocumentedNames_withTheOutcomeTag() {
    NamedMetrics metrics = new NamedMetrics(sink, totals);
    events.clear();
    metrics.loginCompleted(LoginOutcome.SUCCESS);
    metrics.loginCompleted(LoginOutcome.REJECTED);
    metrics.loginCompleted(LoginOutcome.IDP_ERROR);
    metrics.backChannelLogout(LoginOutcome.SUCCESS);
    metrics.backChannelLogout(LoginOutcome.IDP_NOT_READY);
    assertThat(events)
        .containsExactly(
            "token_refresh_logins{outcome=success}",
            "token_refresh_logins{outcome=rejected}",
            "token_refresh_logins{outcome=idp_error}",
            "token_refresh_back_channel_logouts{outcome=success}",
            "token_refresh_back_channel_logouts{outcome=idp_not_ready}");
  }

  @Test
  void bindSuspendedRequests_registersTheSuspendedRequestsGaugeReadingTheLiveValue() {
    NamedMetrics metrics = new NamedMetrics(sink, totals);
    int[] suspended = {7};
    metrics.bindSuspendedRequests(() -> suspended[0]);

    assertThat(gauges.get("token_refresh_suspended_requests").getAsInt()).isEqualTo(7);
    suspended[0] = 0;
    assertThat(gauges.get("token_refresh_suspended_requests").getAsInt()).isZero();
  }

  @Test
  void bindGauges_registersEveryGaugeReadingTheLiveValues() {
    NamedMetrics metrics = new NamedMetrics(sink, totals);
    metrics.bindGauges(
        new CoordinatorGauges(
            () -> 1,
            () -> 2,
            () -> 3,
            () -> BreakerState.HALF_OPEN,
            () -> 4,
            () -> 5,
            () -> false));
    Map<String, Integer> read = new TreeMap<>();
    gauges.forEach((name, source) -> read.put(name, source.getAsInt()));
    assertThat(read)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "token_refresh_active_flights", 3,
                    "token_refresh_breaker_state", 2,
                    "token_refresh_grace_entries", 5,
                    "token_refresh_idp_ready", 0,
                    "token_refresh_in_flight_calls", 1,
                    "token_refresh_queued_flights", 2,
                    "token_refresh_tracked_sessions", 4)));
  }
}
