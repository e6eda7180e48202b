package dev.tokenrefresh.internal.core.metrics;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The port through which the coordinator (and the login mechanism) reports what it does. Every
 * method has a no-op default; the Jakarta layer adapts it to MicroProfile Metrics or Micrometer.
 * Implementations must be thread-safe and must not block: they are called on request threads and
 * inside refresh flights.
 */
public interface RefreshMetrics {

  /** A caller asked for a refresh (one per request that needed one). */
  default void refreshRequested() {}

  /** A caller joined a refresh already in flight: a deduplicated request. */
  default void flightJoined() {}

  /** A caller holding a just-rotated refresh token got the new tokens from rotation grace. */
  default void graceReplayed() {}

  /** A rotation could not be remembered because the grace table was full. */
  default void graceDropped() {}

  /** A call to the identity provider started. */
  default void idpCallStarted() {}

  /** A call to the identity provider returned new tokens. */
  default void refreshSucceeded(Duration latency) {}

  /** The identity provider rejected the grant (terminal for the session). */
  default void grantRevoked(Duration latency) {}

  /** The identity provider failed (transient). */
  default void idpFaulted(FaultKind kind, Duration latency) {}

  /** A request made before the call reached the provider was retried once. */
  default void retriedNotSent() {}

  /** The coordinator refused to start a call. */
  default void rejected(RejectionReason reason) {}

  /** The breaker changed state; {@code to == OPEN} is a trip. */
  default void breakerTransitioned(BreakerState from, BreakerState to) {}

  /** A session exceeded its attempt limit and entered cooldown. */
  default void cooldownStarted() {}

  /**
   * A session's provider call was admitted without a per-session attempt limit: the attempt
   * limiter's table was full ({@code max-tracked-sessions}).
   */
  default void attemptUntracked() {}

  /** The heap guard's verdict changed to "under pressure". */
  default void memoryPressureEntered() {}

  /** This node won the cluster-wide claim of a flight and leads it. */
  default void claimLed() {}

  /** Another node leads the flight; this node waits for its outcome. */
  default void claimFollowed() {}

  /** This node took a flight over from a leading node that left the cluster or gave it up. */
  default void claimTakenOver() {}

  /** A leading node renewed its lease. */
  default void leaseRenewed() {}

  /** A leading node found its lease gone (expired or taken over). */
  default void leaseLost() {}

  /** A session copy holding a rotated refresh token was answered with the grid's newer tokens. */
  default void staleCopyCorrected() {}

  /** A call to the cluster's data grid failed or did not answer in time. */
  default void gridFailed() {}

  /** A login callback ended (the login mechanism's, {@code token-refresh.login.enabled=true}). */
  default void loginCompleted(LoginOutcome outcome) {}

  /** A back-channel logout request ended. */
  default void backChannelLogout(LoginOutcome outcome) {}

  /**
   * Hands over the live gauges once, when the coordinator is built. Adapters register them; the
   * suppliers are cheap and thread-safe.
   */
  default void bindGauges(CoordinatorGauges gauges) {}

  /**
   * Hands over, once, the live count of requests suspended (or waiting on their thread) for a
   * refresh, which the web layer keeps. The supplier is cheap and thread-safe.
   */
  default void bindSuspendedRequests(IntSupplier suspended) {}

  /** The metrics port that records nothing. */
  static RefreshMetrics noop() {
    return NoopMetrics.INSTANCE;
  }
}
