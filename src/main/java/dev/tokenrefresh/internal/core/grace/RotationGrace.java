package dev.tokenrefresh.internal.core.grace;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.time.ExpiringTable;
import dev.tokenrefresh.internal.core.time.IntervalGate;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers, for a short grace period, which new tokens replaced a rotated refresh token. A request
 * that read the session just before the new tokens were saved still holds the old refresh token;
 * redeeming it again would look like theft to a provider with reuse detection (Keycloak ends the
 * session). Within the grace period such a request gets the new tokens instead, with no provider
 * call, but only from the session that rotated the token: another session presenting it gets
 * nothing.
 *
 * <p>It remembers a refresh token the provider refused as dead ({@code invalid_grant}) the same
 * way: a request of that session that read the tokens just before they were cleared gets the same
 * answer at once, instead of presenting the dead token to the provider a second time.
 *
 * <p>A rotation is kept for the grace period once a request of its session has stored it ({@link
 * #delivered}), and up to {@link #UNDELIVERED_RETENTION} until then.
 *
 * <p>Lookups follow a chain of rotations (A→B, B→C) to the newest set. Entries expire after {@code
 * grace} and are purged by {@link #cleanup()}; the table is capped at {@code maxEntries}, beyond
 * which new entries are dropped (and reported) rather than grow memory. At the cap, expired entries
 * are purged inline at most once per {@link #PURGE_AT_CAP_INTERVAL}, never on every new entry.
 * Thread-safe.
 */
public final class RotationGrace {

  private static final int MAX_CHAIN = 8;

  /**
   * How long a rotation is kept until a request of its session stores it ({@link #delivered}): the
   * usual HTTP session timeout. A rotation no waiting request stored (all timed out first) must not
   * be lost while the session lives, or its next request redeems the rotated token again.
   */
  public static final Duration UNDELIVERED_RETENTION = Duration.ofMinutes(30);

  /** At the cap, the least time between two purges made inline (besides the scheduled cleanup). */
  static final Duration PURGE_AT_CAP_INTERVAL = Duration.ofSeconds(1);

  private final long graceNanos;
  private final ExpiringTable<Fingerprint, Entry> entries;

  /**
   * @param grace how long an old refresh token still yields its replacement
   * @param maxEntries cap on remembered rotations
   * @param ticker the time source
   */
  public RotationGrace(Duration grace, int maxEntries, Ticker ticker) {
    this.graceNanos = grace.toNanos();
    this.entries =
        new ExpiringTable<>(
            maxEntries, ticker, new IntervalGate(PURGE_AT_CAP_INTERVAL, ticker)::tryPass);
  }

  /**
   * Remembers that {@code session}'s refresh token {@code rotated} was replaced by {@code tokens}.
   *
   * @return {@code false} when the entry was dropped because the table is full, or grace is off
   */
  public boolean remember(Fingerprint rotated, SessionKey session, TokenSet tokens) {
    return put(
        rotated,
        new Entry(session, Objects.requireNonNull(tokens, "tokens"), null),
        Math.max(graceNanos, UNDELIVERED_RETENTION.toNanos()));
  }

  /**
   * Remembers that the provider refused {@code session}'s refresh token {@code dead} as a dead
   * grant, with {@code refusal}.
   *
   * @return {@code false} when the entry was dropped because the table is full, or grace is off
   */
  public boolean rememberRevoked(
      Fingerprint dead, SessionKey session, GrantRevokedException refusal) {
    return put(
        dead, new Entry(session, null, Objects.requireNonNull(refusal, "refusal")), graceNanos);
  }

  /**
   * The provider's refusal of {@code refreshToken} as a dead grant, if it came within the grace
   * period for this same session.
   */
  public Optional<GrantRevokedException> refusalOf(Fingerprint refreshToken, SessionKey session) {
    Entry e = entries.get(refreshToken);
    if (e == null || e.refusal() == null || !e.owner().equals(session)) {
      return Optional.empty();
    }
    return Optional.of(e.refusal());
  }

  /**
   * The tokens that replaced {@code refreshToken} for {@code session}, if it was rotated within the
   * grace period by that same session.
   */
  public Optional<TokenSet> replacementFor(Fingerprint refreshToken, SessionKey session) {
    TokenSet newest = null;
    Fingerprint key = refreshToken;
    for (int hop = 0; hop < MAX_CHAIN; hop++) {
      Entry e = entries.get(key);
      if (e == null || e.tokens() == null || !e.owner().equals(session)) {
        break;
      }
      newest = e.tokens();
      Fingerprint next = newest.refreshTokenFingerprint();
      if (next.equals(key)) {
        break;
      }
      key = next;
    }
    return Optional.ofNullable(newest);
  }

  private boolean put(Fingerprint refreshToken, Entry entry, long keepNanos) {
    if (graceNanos == 0 || !(entries.containsKey(refreshToken) || entries.hasRoom())) {
      return false;
    }
    entries.put(refreshToken, entry, keepNanos);
    return true;
  }

  /**
   * Marks {@code session}'s rotation of {@code rotated} as stored in the session: from now on it is
   * kept only for the grace period.
   */
  public void delivered(Fingerprint rotated, SessionKey session) {
    entries.shorten(rotated, graceNanos, e -> e.tokens() != null && e.owner().equals(session));
  }

  /**
   * Forgets every rotation and dead grant {@code owner} left (its session was logged out): nothing
   * of it is handed out again.
   */
  public void forget(SessionKey owner) {
    entries.removeIf(e -> e.owner().equals(owner));
  }

  /**
   * Forgets {@code session}'s rotation of {@code rotated}: the session ended (logout) before any of
   * its requests stored the new tokens, so no one may ever be handed them. A rotation of another
   * session, or a dead grant, stays.
   */
  public void forget(Fingerprint rotated, SessionKey session) {
    entries.remove(rotated, e -> e.tokens() != null && e.owner().equals(session));
  }

  /** Removes expired entries. */
  public void cleanup() {
    entries.purgeExpired();
  }

  /** How many rotations (and dead grants) are remembered now. */
  public int size() {
    return entries.size();
  }

  /**
   * One remembered outcome: a rotation ({@code tokens}) or a dead grant ({@code refusal}). Holds
   * tokens: its {@code toString} shows none ({@link TokenSet#toString()} redacts them).
   */
  private record Entry(SessionKey owner, TokenSet tokens, GrantRevokedException refusal) {}

  /** How many purges ran so far, scheduled or at the cap: for diagnostics and tests. */
  public long purges() {
    return entries.purges();
  }
}
