package dev.tokenrefresh.core.limit;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.time.Ticker;
import dev.tokenrefresh.core.token.SessionKey;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits the identity-provider calls one session may start: more than {@code maxAttempts} within
 * the sliding {@code window} puts the session in cooldown, and every refresh it starts until the
 * cooldown ends is refused with {@link RejectionReason#COOLDOWN} and the time left. It stops a
 * refresh loop (a provider that keeps returning expired tokens) within a few calls.
 *
 * <p>Keyed by the session, never by the refresh token, which changes on every rotation. Each
 * session's state is an immutable {@link AttemptHistory} replaced through {@link
 * ConcurrentHashMap#compute}, which applies its function exactly once. The table is capped at
 * {@code maxTracked} sessions; a new session beyond the cap, after stale entries are purged, is
 * refused as {@link RejectionReason#SATURATED}, so that creating sessions cannot grow memory
 * without bound. Thread-safe.
 */
public final class AttemptLimiter {

  private final int maxAttempts;
  private final long windowNanos;
  private final long cooldownNanos;
  private final int maxTracked;
  private final Ticker ticker;
  private final Runnable onCooldown;
  private final ConcurrentHashMap<SessionKey, AttemptHistory> sessions = new ConcurrentHashMap<>();

  /**
   * @param maxAttempts calls a session may start within the window
   * @param window the sliding window
   * @param cooldown how long a session that exceeded the limit is refused
   * @param maxTracked cap on tracked sessions
   * @param ticker the time source
   * @param onCooldown told once each time a session enters cooldown
   */
  public AttemptLimiter(
      int maxAttempts,
      Duration window,
      Duration cooldown,
      int maxTracked,
      Ticker ticker,
      Runnable onCooldown) {
    this.maxAttempts = maxAttempts;
    this.windowNanos = window.toNanos();
    this.cooldownNanos = cooldown.toNanos();
    this.maxTracked = maxTracked;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.onCooldown = Objects.requireNonNull(onCooldown, "onCooldown");
  }

  /**
   * Counts one provider call for {@code session}, or refuses it.
   *
   * @return the reservation; {@link Reservation#cancel()} it if the call is then never started
   * @throws RefreshRejectedException {@code COOLDOWN} with the time left, or {@code SATURATED} when
   *     the table of sessions is full
   */
  public Reservation tryAcquire(SessionKey session) {
    long now = ticker.read();
    if (!sessions.containsKey(session) && sessions.size() >= maxTracked) {
      cleanup();
      if (sessions.size() >= maxTracked) {
        throw new RefreshRejectedException(
            RejectionReason.SATURATED, Duration.ofNanos(windowNanos));
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

  /** Removes sessions with no attempt inside the window and no cooldown left. */
  public void cleanup() {
    long now = ticker.read();
    sessions.entrySet().removeIf(e -> e.getValue().isStale(now, windowNanos));
  }

  /** How many sessions are tracked now. */
  public int trackedSessions() {
    return sessions.size();
  }

  void cancel(SessionKey session, long startedAt) {
    sessions.computeIfPresent(session, (k, history) -> history.withoutAttempt(startedAt));
  }
}
