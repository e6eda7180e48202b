package dev.tokenrefresh.internal.core.metrics;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The port through which the coordinator (and the login mechanism) reports what it does: the events
 * that carry nothing but their occurrence through {@link #occurred(RefreshEvent)}, the others
 * through a method each. Every method has a no-op default; the Jakarta layer adapts it to
 * MicroProfile Metrics or Micrometer. Implementations must be thread-safe and must not block: they
 * are called on request threads and inside refresh flights.
 */
public interface RefreshMetrics {

  /** {@code event} happened once. */
  default void occurred(RefreshEvent event) {}

  /** A call to the identity provider returned new tokens. */
  default void refreshSucceeded(Duration latency) {}

  /** The identity provider rejected the grant (terminal for the session). */
  default void grantRevoked(Duration latency) {}

  /** The identity provider failed (transient). */
  default void idpFaulted(FaultKind kind, Duration latency) {}

  /** The coordinator refused to start a call. */
  default void rejected(RejectionReason reason) {}

  /** The breaker changed state; {@code to == OPEN} is a trip. */
  default void breakerTransitioned(BreakerState from, BreakerState to) {}

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
