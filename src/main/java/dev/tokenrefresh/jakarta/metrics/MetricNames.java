package dev.tokenrefresh.jakarta.metrics;

import java.util.Map;

/**
 * The metric names every adapter registers, with their descriptions (README, "Metrics"). In
 * Prometheus text a counter gains {@code _total}, the timer {@code _seconds}; the description is
 * the {@code # HELP} line. MicroProfile Metrics adds {@code mp_scope="application"}.
 */
public final class MetricNames {

  public static final String REQUESTS = "token_refresh_requests";
  public static final String JOINED = "token_refresh_coalesced";
  public static final String GRACE_REPLAYS = "token_refresh_grace_replays";
  public static final String GRACE_DROPPED = "token_refresh_grace_dropped";
  public static final String IDP_CALLS = "token_refresh_idp_calls";
  public static final String SUCCESSES = "token_refresh_successes";
  public static final String FAILURES = "token_refresh_failures";
  public static final String RETRIES = "token_refresh_retries_not_sent";
  public static final String REJECTIONS = "token_refresh_rejections";
  public static final String BREAKER_TRIPS = "token_refresh_breaker_trips";
  public static final String COOLDOWNS = "token_refresh_cooldowns";
  public static final String MEMORY_PRESSURE = "token_refresh_memory_pressure_events";
  public static final String IDP_CALL_DURATION = "token_refresh_idp_call_duration";
  public static final String IN_FLIGHT = "token_refresh_in_flight_calls";
  public static final String QUEUED = "token_refresh_queued_flights";
  public static final String ACTIVE_FLIGHTS = "token_refresh_active_flights";
  public static final String BREAKER_STATE = "token_refresh_breaker_state";
  public static final String TRACKED_SESSIONS = "token_refresh_tracked_sessions";
  public static final String GRACE_ENTRIES = "token_refresh_grace_entries";
  public static final String SUSPENDED = "token_refresh_suspended_requests";
  public static final String UNTRACKED_ATTEMPTS = "token_refresh_untracked_attempts";
  public static final String CLUSTER_CLAIMS = "token_refresh_cluster_claims";
  public static final String CLUSTER_LEASE_RENEWALS = "token_refresh_cluster_lease_renewals";
  public static final String CLUSTER_LEASES_LOST = "token_refresh_cluster_leases_lost";
  public static final String CLUSTER_STALE_CORRECTED =
      "token_refresh_cluster_stale_copies_corrected";
  public static final String CLUSTER_GRID_FAILURES = "token_refresh_cluster_grid_failures";

  public static final String LOGINS = "token_refresh_logins";
  public static final String BACK_CHANNEL_LOGOUTS = "token_refresh_back_channel_logouts";

  /**
   * Tag on {@link #LOGINS} and {@link #BACK_CHANNEL_LOGOUTS}: {@code success}, {@code rejected},
   * {@code idp_error} or {@code idp_not_ready}.
   */
  public static final String OUTCOME = "outcome";

  /** Tag on {@link #CLUSTER_CLAIMS}: {@code led}, {@code followed} or {@code taken_over}. */
  public static final String ROLE = "role";

  public static final String IDP_READY = "token_refresh_idp_ready";

  /** The README's "meaning" column: each name's {@code # HELP} text. */
  private static final Map<String, String> DESCRIPTIONS =
      Map.ofEntries(
          Map.entry(REQUESTS, "Requests that needed a token refresh"),
          Map.entry(JOINED, "Requests that joined a refresh already in flight (deduplicated)"),
          Map.entry(
              GRACE_REPLAYS,
              "Requests answered by rotation grace without an identity-provider call"),
          Map.entry(GRACE_DROPPED, "Rotations not remembered because the grace table was full"),
          Map.entry(IDP_CALLS, "Calls to the token endpoint started"),
          Map.entry(SUCCESSES, "Refreshes that returned new tokens"),
          Map.entry(FAILURES, "Failed refreshes, by kind (grant_revoked or an IdP fault)"),
          Map.entry(RETRIES, "Calls retried because they provably never left (connection refused)"),
          Map.entry(REJECTIONS, "Refreshes refused without an IdP call, by reason"),
          Map.entry(BREAKER_TRIPS, "Times the circuit breaker opened"),
          Map.entry(COOLDOWNS, "Sessions that entered the attempt-limit cooldown"),
          Map.entry(MEMORY_PRESSURE, "Times the heap guard started refusing new refreshes"),
          Map.entry(IDP_CALL_DURATION, "Latency of token-endpoint calls, in seconds"),
          Map.entry(IN_FLIGHT, "Identity-provider calls running now"),
          Map.entry(QUEUED, "Refresh flights waiting for a call slot"),
          Map.entry(ACTIVE_FLIGHTS, "Refresh flights not yet completed"),
          Map.entry(BREAKER_STATE, "Circuit breaker state: 0 closed, 1 open, 2 half-open"),
          Map.entry(TRACKED_SESSIONS, "Sessions tracked by the attempt limiter"),
          Map.entry(GRACE_ENTRIES, "Rotations remembered by rotation grace"),
          Map.entry(
              UNTRACKED_ATTEMPTS,
              "IdP calls admitted without a per-session attempt limit (max-tracked-sessions full)"),
          Map.entry(
              SUSPENDED,
              "Requests waiting for a refresh: suspended, or on their thread without async support"),
          Map.entry(CLUSTER_CLAIMS, "Cluster mode: flights this node led, followed or took over"),
          Map.entry(CLUSTER_LEASE_RENEWALS, "Cluster mode: lease renewals by a leading node"),
          Map.entry(
              CLUSTER_LEASES_LOST,
              "Cluster mode: leases a leader found gone (expired or replaced)"),
          Map.entry(
              CLUSTER_STALE_CORRECTED,
              "Cluster mode: stale session copies answered with the grid's newer tokens"),
          Map.entry(CLUSTER_GRID_FAILURES, "Cluster mode: grid calls that failed or timed out"),
          Map.entry(LOGINS, "Login callbacks, by outcome (success, rejected, idp_error, ...)"),
          Map.entry(
              BACK_CHANNEL_LOGOUTS,
              "Back-channel logout requests, by outcome (success, rejected, ...)"),
          Map.entry(
              IDP_READY,
              "1 once the identity provider's endpoints are known (discovery done), else 0"));

  /**
   * The description of the metric {@code name}: its {@code # HELP} text. A name without one (a
   * metric added without a description, which {@code MetricNamesTest} catches) is described by
   * itself, so that no exporter ever prints an empty {@code # HELP}.
   */
  public static String description(String name) {
    return DESCRIPTIONS.getOrDefault(name, name.replace('_', ' '));
  }

  /** Tag on {@link #FAILURES}: {@code grant_revoked} or a fault kind. */
  public static final String KIND = "kind";

  /** Tag on {@link #REJECTIONS}: the rejection reason. */
  public static final String REASON = "reason";

  /** The {@link #FAILURES} kind of a dead grant. */
  public static final String GRANT_REVOKED = "grant_revoked";

  private MetricNames() {}
}
