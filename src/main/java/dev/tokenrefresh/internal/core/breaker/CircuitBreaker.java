package dev.tokenrefresh.internal.core.breaker;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A circuit breaker around the identity provider, after SmallRye Fault Tolerance's: the state is
 * one immutable {@link Snapshot} in an {@link AtomicReference}, read once and moved with {@code
 * compareAndSet}; the listener fires only after a successful swap.
 *
 * <p>Closed → open after {@code failureThreshold} consecutive provider faults; open for {@code
 * openDuration}; then half-open admits {@code halfOpenProbes} calls at a time: a success closes, a
 * fault re-opens. Each admitted call gets a {@link Permit} which records at most one outcome, and
 * only in the epoch it was issued in, so a slow call from before a trip cannot move a later state.
 *
 * <p>Thread-safe and lock-free.
 */
public final class CircuitBreaker {

  private static final Duration HALF_OPEN_BUSY_RETRY = Duration.ofSeconds(1);

  private final int failureThreshold;
  private final long openNanos;
  private final int halfOpenProbes;
  private final Ticker ticker;
  private final BreakerListener listener;
  private final AtomicReference<Snapshot> state;

  /**
   * @param failureThreshold consecutive faults that open the breaker (at least 1)
   * @param openDuration how long it stays open
   * @param halfOpenProbes calls admitted at once while half-open (at least 1)
   * @param ticker the time source
   * @param listener told of every transition
   */
  public CircuitBreaker(
      int failureThreshold,
      Duration openDuration,
      int halfOpenProbes,
      Ticker ticker,
      BreakerListener listener) {
    if (failureThreshold < 1 || halfOpenProbes < 1) {
      throw new IllegalArgumentException("failure threshold and probes must be >= 1");
    }
    this.failureThreshold = failureThreshold;
    this.openNanos = openDuration.toNanos();
    this.halfOpenProbes = halfOpenProbes;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.state = new AtomicReference<>(Snapshot.closed(0, 0));
  }

  /**
   * Admits one call, or refuses it.
   *
   * @return the permit on which the call's outcome is recorded
   * @throws RefreshRejectedException with {@link RejectionReason#CIRCUIT_OPEN} and the time left
   */
  public Permit tryAcquire() {
    while (true) {
      Snapshot s = state.get();
      long now = ticker.read();
      switch (s.state()) {
        case CLOSED:
          return new Permit(s.epoch(), false);
        case OPEN:
          long left = s.openUntil() - now;
          if (left > 0) {
            throw new RefreshRejectedException(
                RejectionReason.CIRCUIT_OPEN, Duration.ofNanos(left));
          }
          Snapshot probing = new Snapshot(BreakerState.HALF_OPEN, s.epoch() + 1, 0, 0, 1);
          if (move(s, probing)) {
            return new Permit(probing.epoch(), true);
          }
          break;
        case HALF_OPEN:
          if (s.probes() >= halfOpenProbes) {
            throw new RefreshRejectedException(RejectionReason.CIRCUIT_OPEN, HALF_OPEN_BUSY_RETRY);
          }
          if (state.compareAndSet(s, s.withProbes(s.probes() + 1))) {
            return new Permit(s.epoch(), true);
          }
          break;
        default:
          throw new IllegalStateException("unknown breaker state " + s.state());
      }
    }
  }

  /**
   * Records that the provider answered properly. A rejected grant is such an answer: it says the
   * user's grant is dead, not that the provider is failing.
   */
  public void onSuccess(Permit permit) {
    settle(
        permit,
        s -> {
          if (s.state() == BreakerState.CLOSED && s.faults() == 0) {
            return s;
          }
          return s.state() == BreakerState.HALF_OPEN
              ? Snapshot.closed(s.epoch() + 1, 0)
              : s.withFaults(0);
        });
  }

  /** Records a provider fault (5xx, {@code temporarily_unavailable}, I/O, timeout, garbage). */
  public void onFault(Permit permit) {
    settle(
        permit,
        s -> {
          int faults = s.faults() + 1;
          return s.state() == BreakerState.HALF_OPEN || faults >= failureThreshold
              ? new Snapshot(BreakerState.OPEN, s.epoch() + 1, 0, ticker.read() + openNanos, 0)
              : s.withFaults(faults);
        });
  }

  /**
   * Settles {@code permit} with an outcome: moves the state to {@code next} of it, unless the state
   * has moved on since the permit was taken (another epoch) or is open. {@code next} returns its
   * argument for "nothing to change"; it has no side effects, since it runs again when another
   * thread moved the state first.
   */
  private void settle(Permit permit, UnaryOperator<Snapshot> next) {
    if (!permit.settle()) {
      return;
    }
    while (true) {
      Snapshot s = state.get();
      if (s.epoch() != permit.epoch() || s.state() == BreakerState.OPEN) {
        return;
      }
      Snapshot to = next.apply(s);
      if (to == s || move(s, to)) {
        return;
      }
    }
  }

  /** Gives the permit back without an outcome: the call never reached the provider. */
  public void release(Permit permit) {
    if (!permit.settle() || !permit.probe()) {
      return;
    }
    while (true) {
      Snapshot s = state.get();
      if (s.epoch() != permit.epoch() || s.state() != BreakerState.HALF_OPEN) {
        return;
      }
      if (state.compareAndSet(s, s.withProbes(Math.max(0, s.probes() - 1)))) {
        return;
      }
    }
  }

  /**
   * The current state (an open breaker whose duration has passed still reads open until probed).
   */
  public BreakerState state() {
    return state.get().state();
  }

  private boolean move(Snapshot from, Snapshot to) {
    if (!state.compareAndSet(from, to)) {
      return false;
    }
    if (from.state() != to.state()) {
      listener.onTransition(from.state(), to.state());
    }
    return true;
  }

  /** One immutable state of the breaker. {@code epoch} increases on every change of state. */
  private record Snapshot(BreakerState state, long epoch, int faults, long openUntil, int probes) {
    static Snapshot closed(long epoch, int faults) {
      return new Snapshot(BreakerState.CLOSED, epoch, faults, 0, 0);
    }

    Snapshot withFaults(int n) {
      return new Snapshot(state, epoch, n, openUntil, probes);
    }

    Snapshot withProbes(int n) {
      return new Snapshot(state, epoch, faults, openUntil, n);
    }
  }
}
