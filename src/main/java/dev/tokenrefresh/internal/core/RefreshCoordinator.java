package dev.tokenrefresh.internal.core;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.ATTEMPT_UNTRACKED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.COOLDOWN_STARTED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.FLIGHT_JOINED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.GRACE_REPLAYED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.MEMORY_PRESSURE_ENTERED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.REFRESH_REQUESTED;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.breaker.CircuitBreaker;
import dev.tokenrefresh.internal.core.breaker.Permit;
import dev.tokenrefresh.internal.core.bulkhead.ConcurrencyLimit;
import dev.tokenrefresh.internal.core.bulkhead.Slot;
import dev.tokenrefresh.internal.core.cluster.FlightGate;
import dev.tokenrefresh.internal.core.flight.SingleFlight;
import dev.tokenrefresh.internal.core.grace.RotationGrace;
import dev.tokenrefresh.internal.core.limit.AttemptLimiter;
import dev.tokenrefresh.internal.core.limit.Reservation;
import dev.tokenrefresh.internal.core.memory.MemoryGuard;
import dev.tokenrefresh.internal.core.metrics.CoordinatorGauges;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.time.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Turns any number of concurrent "this access token is expired, refresh it" requests into the
 * fewest, safest calls to the identity provider.
 *
 * <p>For each {@link #refresh} it answers, in order: from rotation grace (the session's own refresh
 * token was just rotated: hand out its replacement, no call; or the provider just refused it as a
 * dead grant: the same refusal, no call); by joining the flight already running for the same
 * refresh token; or by leading a new flight, which must pass the memory guard, the circuit breaker,
 * the per-session attempt limit and the concurrency limit before its provider call runs on the
 * executor, bounded by the timeout. Every caller gets its own copy of the flight's future:
 * cancelling it, or timing it out, never cancels the shared call.
 *
 * <p>Failures arrive as the sealed {@link dev.tokenrefresh.core.error.RefreshException} family.
 * Thread-safe; no lock is held across the provider call.
 */
public final class RefreshCoordinator {

  private final CoordinatorPorts ports;
  private final SingleFlight<Fingerprint, TokenSet> flights = new SingleFlight<>();
  private final RotationGrace grace;
  private final AttemptLimiter limiter;
  private final CircuitBreaker breaker;
  private final ConcurrencyLimit slots;
  private final MemoryGuard memory;
  private final Duration timeout;
  private final FlightGate gate;
  private final CoordinatorGauges gauges;

  /**
   * A coordinator on its own: one provider call per refresh token in this JVM.
   *
   * @param settings the validated thresholds
   * @param ports the token endpoint, executor, scheduler, clock, heap gauge and metrics
   */
  public RefreshCoordinator(RefreshSettings settings, CoordinatorPorts ports) {
    this(settings, ports, FlightGate.local());
  }

  /**
   * A coordinator whose flight leaders pass {@code gate} first (e.g. a cluster-wide claim).
   *
   * @param settings the validated thresholds
   * @param ports the token endpoint, executor, scheduler, clock, heap gauge and metrics
   * @param gate what a flight leader passes before it may call the provider
   */
  public RefreshCoordinator(RefreshSettings settings, CoordinatorPorts ports, FlightGate gate) {
    this.ports = ports;
    this.gate = gate;
    RefreshMetrics metrics = ports.metrics();
    this.grace =
        new RotationGrace(settings.rotationGrace(), settings.maxTrackedSessions(), ports.ticker());
    this.limiter =
        new AttemptLimiter(
            settings.maxAttempts(),
            settings.attemptWindow(),
            settings.cooldown(),
            settings.maxTrackedSessions(),
            ports.ticker(),
            () -> metrics.occurred(COOLDOWN_STARTED),
            () -> metrics.occurred(ATTEMPT_UNTRACKED));
    this.breaker =
        new CircuitBreaker(
            settings.breakerFailureThreshold(),
            settings.breakerOpenDuration(),
            settings.breakerHalfOpenProbes(),
            ports.ticker(),
            metrics::breakerTransitioned);
    this.slots = new ConcurrencyLimit(settings.maxConcurrent(), settings.maxQueued());
    this.memory =
        new MemoryGuard(
            new MemoryGuard.Policy(
                settings.memoryPressureEnabled(),
                settings.heapFraction(),
                settings.memorySampleInterval()),
            ports.heapGauge(),
            ports.ticker(),
            () -> metrics.occurred(MEMORY_PRESSURE_ENTERED));
    this.timeout = settings.timeout();
    this.gauges =
        new CoordinatorGauges(
            slots::running,
            slots::queued,
            flights::size,
            breaker::state,
            limiter::trackedSessions,
            grace::size,
            () -> ports.tokenEndpoint().untilReady().isEmpty());
    metrics.bindGauges(gauges);
  }

  /**
   * Refreshes {@code current} for {@code session}.
   *
   * @return a stage of its own for this caller, completed with the new tokens or exceptionally with
   *     a {@link dev.tokenrefresh.core.error.RefreshException}
   */
  public CompletionStage<TokenSet> refresh(SessionKey session, TokenSet current) {
    ports.metrics().occurred(REFRESH_REQUESTED);
    Fingerprint key = current.refreshTokenFingerprint();
    CompletableFuture<TokenSet> remembered = new CompletableFuture<>();
    if (answeredByGrace(session, key, remembered)) {
      return remembered;
    }
    SingleFlight.Join<TokenSet> join = flights.join(key);
    if (join.leader()) {
      lead(new Redemption(session, current, join.flight()));
    } else {
      ports.metrics().occurred(FLIGHT_JOINED);
    }
    return join.flight().copy();
  }

  /**
   * Tells the coordinator that {@code session} stored the replacement of {@code previous}: from now
   * on its rotation is kept only for rotation grace. Until then it is kept longer (see {@link
   * RotationGrace}), so that a rotation no waiting request stored is never redeemed again.
   */
  public void stored(SessionKey session, TokenSet previous) {
    grace.delivered(previous.refreshTokenFingerprint(), session);
  }

  /**
   * Forgets {@code session}'s per-session state (its attempt history, its rotations and dead grants
   * in rotation grace): the session was logged out. A flight it started that is still running
   * completes for whoever waits on it; its result is not stored for a session that is gone.
   */
  public void forget(SessionKey session) {
    limiter.forget(session);
    grace.forget(session);
  }

  /**
   * Tells the coordinator that {@code session} ended (logged out or invalidated) while the refresh
   * of {@code previous} ran, so its new tokens were stored nowhere: they are forgotten at once
   * rather than kept for a request of that session that can no longer come.
   */
  public void discarded(SessionKey session, TokenSet previous) {
    grace.forget(previous.refreshTokenFingerprint(), session);
  }

  /** Removes stale per-session trackers and expired grace entries; call every cleanup-interval. */
  public void cleanup() {
    limiter.cleanup();
    grace.cleanup();
  }

  private void lead(Redemption asked) {
    // A flight for this token may have completed between the grace lookup and our registration;
    // it remembered its rotation before it unregistered, so a second look cannot miss it.
    if (answeredByGrace(asked.session(), asked.key(), asked.flight())) {
      return;
    }
    gate.lead(asked, ports.tokenEndpoint(), this::admit);
  }

  /** The node's admission checks and provider call, through {@code endpoint}. */
  private void admit(Redemption asked, TokenEndpoint endpoint) {
    CoordinatorPorts callPorts =
        endpoint == ports.tokenEndpoint() ? ports : ports.withTokenEndpoint(endpoint);
    Permit permit = null;
    Reservation attempt = null;
    CompletableFuture<Slot> slot = null;
    try {
      if (memory.underPressure()) {
        throw new RefreshRejectedException(
            RejectionReason.MEMORY_PRESSURE, memory.untilNextSample());
      }
      Optional<Duration> notReady = ports.tokenEndpoint().untilReady();
      if (notReady.isPresent()) {
        throw new RefreshRejectedException(RejectionReason.IDP_NOT_READY, notReady.get());
      }
      permit = breaker.tryAcquire();
      attempt = limiter.tryAcquire(asked.session());
      slot = slots.acquire();
      ProviderCall call = new ProviderCall(callPorts, breaker, grace, asked, permit, attempt);
      CompletableFuture<Slot> granted = slot;
      if (!granted.isDone()) {
        // The flight waits for a slot no longer than one call may take.
        Scheduler.Cancellable queueTimer =
            ports.scheduler().schedule(() -> slots.abandon(granted), timeout);
        granted.whenComplete((s, e) -> queueTimer.cancel());
      }
      granted.whenComplete((s, e) -> call.onSlot(s, e, timeout));
    } catch (RefreshRejectedException rejected) {
      giveBack(permit, attempt);
      ProviderCall.guarded(() -> ports.metrics().rejected(rejected.reason()));
      asked.flight().completeExceptionally(rejected);
    } catch (RuntimeException unexpected) {
      // E.g. the container's scheduler refused work during undeploy: fail this flight, not the
      // caller's thread, and give back what was taken.
      giveBack(permit, attempt);
      if (slot != null && !slots.abandon(slot)) {
        slot.thenAccept(Slot::release);
      }
      asked.flight().completeExceptionally(unexpected);
    }
  }

  /**
   * Completes {@code answer} from rotation grace, with the rotated token's replacement or the dead
   * grant's refusal, if this session's refresh token has just had either outcome.
   */
  private boolean answeredByGrace(
      SessionKey session, Fingerprint key, CompletableFuture<TokenSet> answer) {
    Optional<TokenSet> replacement = grace.replacementFor(key, session);
    if (replacement.isPresent()) {
      answer.complete(replacement.get());
    } else {
      Optional<GrantRevokedException> refusal = grace.refusalOf(key, session);
      if (refusal.isEmpty()) {
        return false;
      }
      answer.completeExceptionally(refusal.get());
    }
    ports.metrics().occurred(GRACE_REPLAYED);
    return true;
  }

  private void giveBack(Permit permit, Reservation attempt) {
    if (permit != null) {
      breaker.release(permit);
    }
    if (attempt != null) {
      attempt.cancel();
    }
  }

  /** The coordinator's live readings: what the metrics adapter and the readiness report read. */
  public CoordinatorGauges gauges() {
    return gauges;
  }
}
