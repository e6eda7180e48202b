package dev.tokenrefresh.internal.core.metrics;

/**
 * What the coordinator, its guards and the cluster code report that carries nothing but the fact
 * that it happened: each occurrence is one more of a counter ({@link
 * RefreshMetrics#occurred(RefreshEvent)}). Events that carry a value (a latency, a fault kind, a
 * rejection reason, a breaker state, a login outcome) have a method of their own on {@link
 * RefreshMetrics}.
 */
public enum RefreshEvent {
  /** A caller asked for a refresh (one per request that needed one). */
  REFRESH_REQUESTED,
  /** A caller joined a refresh already in flight: a deduplicated request. */
  FLIGHT_JOINED,
  /** A caller holding a just-rotated refresh token got the new tokens from rotation grace. */
  GRACE_REPLAYED,
  /** A rotation could not be remembered because the grace table was full. */
  GRACE_DROPPED,
  /** A call to the identity provider started. */
  IDP_CALL_STARTED,
  /** A request made before the call reached the provider was retried once. */
  RETRIED_NOT_SENT,
  /** A session exceeded its attempt limit and entered cooldown. */
  COOLDOWN_STARTED,
  /**
   * A session's provider call was admitted without a per-session attempt limit: the attempt
   * limiter's table was full ({@code max-tracked-sessions}).
   */
  ATTEMPT_UNTRACKED,
  /** The heap guard's verdict changed to "under pressure". */
  MEMORY_PRESSURE_ENTERED,
  /** This node won the cluster-wide claim of a flight and leads it. */
  CLAIM_LED,
  /** Another node leads the flight; this node waits for its outcome. */
  CLAIM_FOLLOWED,
  /** This node took a flight over from a leading node that left the cluster or gave it up. */
  CLAIM_TAKEN_OVER,
  /** A leading node renewed its lease. */
  LEASE_RENEWED,
  /** A leading node found its lease gone (expired or taken over). */
  LEASE_LOST,
  /** A session copy holding a rotated refresh token was answered with the grid's newer tokens. */
  STALE_COPY_CORRECTED,
  /** A call to the cluster's data grid failed or did not answer in time. */
  GRID_FAILED
}
