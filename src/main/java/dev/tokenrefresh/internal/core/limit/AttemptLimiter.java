package dev.tokenrefresh.internal.core.limit;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.internal.core.time.IntervalGate;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Limits the identity-provider calls one session may start: more than {@code maxAttempts} within
 * the sliding {@code window} puts the session in cooldown, and every refresh it starts until the
 * cooldown ends is refused with {@link RejectionReason#COOLDOWN} and the time left. It stops a
 * refresh loop (a provider that keeps returning expired tokens) within a few calls.
 *
 * <p>Keyed by the session, never by the refresh token, which changes on every rotation. Each
 * session's state is an immutable {@link AttemptHistory} replaced through {@link
 * ConcurrentHashMap#compute}, which applies its function exactly once. The table is capped at
 * {@code maxTracked} sessions, so that creating sessions cannot grow memory without bound. At the
 * cap, stale entries are purged inline at most once per {@link #PURGE_AT_CAP_INTERVAL} (never a
 * scan per new session); a new session that still finds no room is admitted untracked, without a
 * per-session limit (logged once per episode), rather than refused. Thread-safe.
 */
public final class AttemptLimiter {

  /** At the cap, the least time between two purges made inline (besides the scheduled cleanup). */
  static final Duration PURGE_AT_CAP_INTERVAL = Duration.ofSeconds(1);

  private static final Logger LOG = Logger.getLogger(AttemptLimiter.class.getName());

  private final int maxAttempts;
  private final long windowNanos;
  private final long cooldownNanos;
  private final int maxTracked;
  private final Ticker ticker;
  private final AtomicLong purges = new AtomicLong();
  private final IntervalGate purgeAtCap;

  /** Whether the full table was reported since it last had room: one WARNING per episode. */
  private final AtomicBoolean fullReported = new AtomicBoolean();

  private final Runnable onCooldown;
  private final Runnable onUntracked;
  private final ConcurrentHashMap<SessionKey, AttemptHistory> sessions = new ConcurrentHashMap<>();

  /**
   * @param maxAttempts calls a session may start within the window
   * @param window the sliding window
   * @param cooldown how long a session that exceeded the limit is refused
   * @param maxTracked cap on tracked sessions
   * @param ticker the time source
   * @param onCooldown told once each time a session enters cooldown
   * @param onUntracked told each time a call is admitted untracked because the table is full
   */
  public AttemptLimiter(
      int maxAttempts,
      Duration window,
      Duration cooldown,
      int maxTracked,
      Ticker ticker,
      Runnable onCooldown,
      Runnable onUntracked) {
    this.onUntracked = Objects.requireNonNull(onUntracked, "onUntracked");
    this.maxAttempts = maxAttempts;
    this.windowNanos = window.toNanos();
    this.cooldownNanos = cooldown.toNanos();
    this.maxTracked = maxTracked;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.onCooldown = Objects.requireNonNull(onCooldown, "onCooldown");
    this.purgeAtCap = new IntervalGate(PURGE_AT_CAP_INTERVAL, ticker);
  }

  /**
   * Counts one provider call for {@code session}, or refuses it.
   *
   * @return the reservation; {@link Reservation#cancel()} it if the call is then never started
   * @throws RefreshRejectedException {@code COOLDOWN} with the time left
   */
  public Reservation tryAcquire(SessionKey session) {
    long now = ticker.read();
    if (!sessions.containsKey(session) && sessions.size() >= maxTracked) {
      if (purgeAtCap.tryPass()) {
        cleanup();
      }
      if (sessions.size() >= maxTracked) {
        return untracked();
      }
    }
    boolean[] cooldownStarted = new boolean[1];
    AttemptHistory after =
        sessions.compute(
            session,
            (k, old) -> {
              AttemptHistory current = old == null ? AttemptHistory.EMPTY : old;
              AttemptHistory next = current.attempt(now, maxAttempts, windowNanos, cooldownNanos);
              // compute applies this function exactly once, so the flag is set at most once.
              cooldownStarted[0] = next.cooldownStartedAt() == now && next != current;
              return next;
            });
    if (after.admitted(now)) {
      return new Reservation(this, session, now);
    }
    if (cooldownStarted[0]) {
      onCooldown.run();
    }
    throw new RefreshRejectedException(
        RejectionReason.COOLDOWN, Duration.ofNanos(after.cooldownUntil() - now));
  }

  /** Forgets {@code session}'s attempts (it was logged out). */
  public void forget(SessionKey session) {
    sessions.remove(session);
  }

  /**
   * The table is full of sessions that are all still inside their window: the new session's call is
   * admitted without a per-session limit rather than refused. The limit exists to stop refresh
   * loops, the cap to bound memory; refusing every new session (503 for a whole window) would turn
   * a busy hour into an outage, while the breaker and the concurrency limit still bound every call.
   */
  private Reservation untracked() {
    if (fullReported.compareAndSet(false, true)) {
      LOG.warning(
          "token-refresh-filter: "
              + maxTracked
              + " sessions are attempt-limited (token-refresh.max-tracked-sessions): further"
              + " sessions refresh without a per-session attempt limit until the table has room");
    }
    onUntracked.run();
    return Reservation.UNTRACKED;
  }

  /** Removes sessions with no attempt inside the window and no cooldown left. */
  public void cleanup() {
    purges.incrementAndGet();
    long now = ticker.read();
    sessions.entrySet().removeIf(e -> e.getValue().isStale(now, windowNanos));
    if (sessions.size() < maxTracked) {
      fullReported.set(false);
    }
  }

  /** How many sessions are tracked now. */
  public int trackedSessions() {
    return sessions.size();
  }

  void cancel(SessionKey session, long startedAt) {
    sessions.computeIfPresent(session, (k, history) -> history.withoutAttempt(startedAt));
  }

  /** How many purges ran so far, scheduled or at the cap: for diagnostics and tests. */
  public long purges() {
    return purges.get();
  }
}
