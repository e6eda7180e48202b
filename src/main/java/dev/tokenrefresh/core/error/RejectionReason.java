package dev.tokenrefresh.core.error;

/** Why the coordinator refused to start a call to the identity provider. */
public enum RejectionReason {
  /** The session started more refreshes than allowed within the attempt window. */
  COOLDOWN,
  /** The circuit breaker is open: the provider failed repeatedly. */
  CIRCUIT_OPEN,
  /** The concurrency limit and its queue are full, or the queue wait ran out. */
  SATURATED,
  /** The heap is nearly full; only refreshes already in flight may be joined. */
  MEMORY_PRESSURE,
  /** The cluster's data grid failed or did not answer in time; no node may safely call. */
  CLUSTER_UNAVAILABLE,
  /**
   * The identity provider has not been reached yet (OpenID Connect discovery is still being
   * retried): no call can be made, and none is counted against the provider.
   */
  IDP_NOT_READY;

  /** The lower-case name used in metric tags and log lines. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
