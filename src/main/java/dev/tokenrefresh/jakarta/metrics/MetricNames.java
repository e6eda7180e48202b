package dev.tokenrefresh.jakarta.metrics;

/**
 * The metric names every adapter registers (README, "Metrics"). In Prometheus text a counter gains
 * {@code _total}; MicroProfile Metrics adds {@code mp_scope="application"}.
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
  public static final String CLUSTER_CLAIMS = "token_refresh_cluster_claims";
  public static final String CLUSTER_LEASE_RENEWALS = "token_refresh_cluster_lease_renewals";
  public static final String CLUSTER_LEASES_LOST = "token_refresh_cluster_leases_lost";
  public static final String CLUSTER_STALE_CORRECTED =
      "token_refresh_cluster_stale_copies_corrected";
  public static final String CLUSTER_GRID_FAILURES = "token_refresh_cluster_grid_failures";

  /** Tag on {@link #CLUSTER_CLAIMS}: {@code led}, {@code followed} or {@code taken_over}. */
  public static final String ROLE = "role";

  /** Tag on {@link #FAILURES}: {@code grant_revoked} or a fault kind. */
  public static final String KIND = "kind";

  /** Tag on {@link #REJECTIONS}: the rejection reason. */
  public static final String REASON = "reason";

  /** The {@link #FAILURES} kind of a dead grant. */
  public static final String GRANT_REVOKED = "grant_revoked";

  private MetricNames() {}
}
