package dev.tokenrefresh.core;

import dev.tokenrefresh.core.breaker.CircuitBreaker;
import dev.tokenrefresh.core.breaker.Permit;
import dev.tokenrefresh.core.bulkhead.Slot;
import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.grace.RotationGrace;
import dev.tokenrefresh.core.limit.Reservation;
import dev.tokenrefresh.core.time.Scheduler;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

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

  private static final Duration EXECUTOR_FULL_RETRY = Duration.ofSeconds(1);

  private final CoordinatorPorts ports;
  private final CircuitBreaker breaker;
  private final RotationGrace grace;
  private final SessionKey session;
  private final Fingerprint key;
  private final TokenSet current;
  private final CompletableFuture<TokenSet> flight;
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
      SessionKey session,
      Fingerprint key,
      TokenSet current,
      CompletableFuture<TokenSet> flight,
      Permit permit,
      Reservation attempt) {
    this.ports = ports;
    this.breaker = breaker;
    this.grace = grace;
    this.session = session;
    this.key = key;
    this.current = current;
    this.flight = flight;
    this.permit = permit;
    this.attempt = attempt;
  }

  /** Called when the concurrency limit grants a slot, or when the wait for one ran out. */
  void onSlot(Slot granted, Throwable waitFailure, Duration timeout) {
    if (waitFailure != null) {
      refuse(unwrap(waitFailure));
      return;
    }
    slot = granted;
    startedAt = ports.ticker().read();
    try {
      task = ports.executor().submit(this::run);
    } catch (RejectedExecutionException full) {
      claimed.set(true);
      granted.release();
      refuse(new RefreshRejectedException(RejectionReason.SATURATED, EXECUTOR_FULL_RETRY));
      return;
    }
    ports.metrics().idpCallStarted();
    Scheduler.Cancellable timer = ports.scheduler().schedule(this::onTimeout, timeout);
    flight.whenComplete((tokens, failure) -> timer.cancel());
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
      return ports.tokenEndpoint().refresh(current);
    } catch (IdpFaultException fault) {
      if (!fault.requestNotSent() || outcome.get()) {
        throw fault;
      }
      ports.metrics().retriedNotSent();
      return ports.tokenEndpoint().refresh(current);
    }
  }

  private void succeed(TokenSet tokens) {
    // Remember the rotation before the flight completes and unregisters (see RefreshCoordinator).
    if (!grace.remember(key, session, tokens)) {
      ports.metrics().graceDropped();
    }
    if (outcome.compareAndSet(false, true)) {
      breaker.onSuccess(permit);
      ports.metrics().refreshSucceeded(latency());
      flight.complete(tokens);
    }
  }

  private void settle(RuntimeException failure, boolean grantRevoked) {
    if (grantRevoked) {
      // Remembered before the flight completes and unregisters, like a rotation: a request of this
      // session that read the tokens before they were cleared gets this answer, not a second call.
      if (!grace.rememberRevoked(key, session, (GrantRevokedException) failure)) {
        ports.metrics().graceDropped();
      }
    }
    if (!outcome.compareAndSet(false, true)) {
      return;
    }
    if (grantRevoked) {
      breaker.onSuccess(permit);
      ports.metrics().grantRevoked(latency());
    } else {
      breaker.onFault(permit);
      ports.metrics().idpFaulted(((IdpFaultException) failure).kind(), latency());
    }
    flight.completeExceptionally(failure);
  }

  private void onTimeout() {
    settle(IdpFaultException.of(FaultKind.TIMEOUT, "no answer within the timeout"), false);
    task.cancel(true);
    if (claimed.compareAndSet(false, true)) {
      slot.release();
    }
  }

  private void refuse(RefreshException refusal) {
    breaker.release(permit);
    attempt.cancel();
    if (refusal instanceof RefreshRejectedException rejected) {
      ports.metrics().rejected(rejected.reason());
    }
    flight.completeExceptionally(refusal);
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
