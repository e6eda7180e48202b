package dev.tokenrefresh.internal.core;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.GRACE_DROPPED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.IDP_CALL_STARTED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.RETRIED_NOT_SENT;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.breaker.CircuitBreaker;
import dev.tokenrefresh.internal.core.breaker.Permit;
import dev.tokenrefresh.internal.core.bulkhead.Slot;
import dev.tokenrefresh.internal.core.grace.RotationGrace;
import dev.tokenrefresh.internal.core.limit.Reservation;
import dev.tokenrefresh.internal.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One admitted call to the identity provider, from the moment it holds a slot to its single
 * outcome. Two races are settled by compare-and-set, each exactly once:
 *
 * <ul>
 *   <li>{@link #outcome}: the call's own result and its timeout race to settle the flight; the
 *       winner alone completes it and records the breaker outcome and metrics;
 *   <li>{@link #claimed}: the task starting and the timeout cancelling it before it starts race for
 *       the slot; whichever claims it releases it, so a slot returns only when the call really
 *       finished or never ran.
 * </ul>
 *
 * A success that arrives after the timeout still records its rotation in the grace table: the
 * provider has rotated the token, and the session's next request must not redeem the old one.
 */
final class ProviderCall {

  private static final Logger LOG = Logger.getLogger(ProviderCall.class.getName());
  private static final Duration EXECUTOR_FULL_RETRY = Duration.ofSeconds(1);

  private final CoordinatorPorts ports;
  private final CircuitBreaker breaker;
  private final RotationGrace grace;
  private final Redemption asked;
  private final Permit permit;
  private final Reservation attempt;
  private final AtomicBoolean outcome = new AtomicBoolean();
  private final AtomicBoolean claimed = new AtomicBoolean();

  /** Written once in {@link #onSlot} before the task is submitted; read by the task and timeout. */
  private volatile Slot slot;

  /** Written once in {@link #onSlot}; read by the timeout (which runs after it is written). */
  private volatile Future<?> task;

  private volatile long startedAt;

  ProviderCall(
      CoordinatorPorts ports,
      CircuitBreaker breaker,
      RotationGrace grace,
      Redemption asked,
      Permit permit,
      Reservation attempt) {
    this.ports = ports;
    this.breaker = breaker;
    this.grace = grace;
    this.asked = asked;
    this.permit = permit;
    this.attempt = attempt;
  }

  /**
   * Called when the concurrency limit grants a slot, or when the wait for one ran out. Never
   * throws: it runs inside {@code whenComplete}, where an exception would be lost with the flight.
   */
  void onSlot(Slot granted, Throwable waitFailure, Duration timeout) {
    if (waitFailure != null) {
      refuse(unwrap(waitFailure));
      return;
    }
    slot = granted;
    startedAt = ports.ticker().read();
    try {
      task = ports.executor().submit(this::run);
    } catch (RuntimeException refused) {
      // Full (RejectedExecutionException) or stopping (IllegalStateException during undeploy):
      // the call never ran, so the slot, the breaker permit and the attempt go back.
      claimed.set(true);
      granted.release();
      refuse(
          refused instanceof RejectedExecutionException
              ? new RefreshRejectedException(RejectionReason.SATURATED, EXECUTOR_FULL_RETRY)
              : new IdpFaultException(
                  FaultKind.UNEXPECTED, "the executor refused the call", true, refused));
      return;
    }
    guarded(() -> ports.metrics().occurred(IDP_CALL_STARTED));
    try {
      Scheduler.Cancellable timer = ports.scheduler().schedule(this::onTimeout, timeout);
      asked.flight().whenComplete((tokens, failure) -> timer.cancel());
    } catch (RuntimeException noTimer) {
      // The call runs unbounded by this timer, still bounded by its HTTP timeouts.
      LOG.log(
          Level.WARNING, "token refresh: no timeout could be scheduled: {0}", noTimer.toString());
    }
  }

  private void run() {
    if (!claimed.compareAndSet(false, true)) {
      return;
    }
    try {
      succeed(callWithSafeRetry());
    } catch (GrantRevokedException revoked) {
      settle(revoked, true);
    } catch (RefreshRejectedException notSent) {
      // The endpoint refused to send (the cluster lease could not be confirmed): not a fault.
      if (outcome.compareAndSet(false, true)) {
        refuse(notSent);
      }
    } catch (IdpFaultException fault) {
      settle(fault, false);
    } catch (RuntimeException unexpected) {
      settle(
          new IdpFaultException(
              FaultKind.UNEXPECTED, unexpected.getClass().getSimpleName(), false, unexpected),
          false);
    } finally {
      slot.release();
    }
  }

  /** Retries once, and only a request that provably never left this process. */
  private TokenSet callWithSafeRetry() {
    try {
      return ports.tokenEndpoint().refresh(asked.current());
    } catch (IdpFaultException fault) {
      if (!fault.requestNotSent() || outcome.get()) {
        throw fault;
      }
      ports.metrics().occurred(RETRIED_NOT_SENT);
      return ports.tokenEndpoint().refresh(asked.current());
    }
  }

  private void succeed(TokenSet tokens) {
    // Remember the rotation before the flight completes and unregisters (see RefreshCoordinator).
    if (!grace.remember(asked.key(), asked.session(), tokens)) {
      guarded(() -> ports.metrics().occurred(GRACE_DROPPED));
    }
    if (outcome.compareAndSet(false, true)) {
      guarded(() -> breaker.onSuccess(permit));
      guarded(() -> ports.metrics().refreshSucceeded(latency()));
      asked.flight().complete(tokens);
    }
  }

  private void settle(RuntimeException failure, boolean grantRevoked) {
    if (grantRevoked) {
      // Remembered before the flight completes and unregisters, like a rotation: a request of this
      // session that read the tokens before they were cleared gets this answer, not a second call.
      if (!grace.rememberRevoked(asked.key(), asked.session(), (GrantRevokedException) failure)) {
        guarded(() -> ports.metrics().occurred(GRACE_DROPPED));
      }
    }
    if (!outcome.compareAndSet(false, true)) {
      return;
    }
    if (grantRevoked) {
      guarded(() -> breaker.onSuccess(permit));
      guarded(() -> ports.metrics().grantRevoked(latency()));
    } else {
      guarded(() -> breaker.onFault(permit));
      guarded(() -> ports.metrics().idpFaulted(((IdpFaultException) failure).kind(), latency()));
    }
    asked.flight().completeExceptionally(failure);
  }

  private void onTimeout() {
    settle(IdpFaultException.of(FaultKind.TIMEOUT, "no answer within the timeout"), false);
    task.cancel(true);
    if (claimed.compareAndSet(false, true)) {
      slot.release();
    }
  }

  private void refuse(RefreshException refusal) {
    guarded(() -> breaker.release(permit));
    guarded(attempt::cancel);
    if (refusal instanceof RefreshRejectedException rejected) {
      guarded(() -> ports.metrics().rejected(rejected.reason()));
    }
    asked.flight().completeExceptionally(refusal);
  }

  /**
   * Runs a side effect (breaker bookkeeping and its listener, a metrics adapter) so that its
   * failure can never keep the flight from completing: every later refresh of the token would join
   * a flight that never ends.
   */
  static void guarded(Runnable sideEffect) {
    try {
      sideEffect.run();
    } catch (RuntimeException broken) {
      LOG.log(
          Level.WARNING,
          "token refresh: a listener or metrics adapter failed: {0}",
          broken.toString());
    }
  }

  private Duration latency() {
    return Duration.ofNanos(ports.ticker().read() - startedAt);
  }

  private static RefreshException unwrap(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    return cause instanceof RefreshException refresh
        ? refresh
        : new RefreshRejectedException(RejectionReason.SATURATED, EXECUTOR_FULL_RETRY);
  }
}
