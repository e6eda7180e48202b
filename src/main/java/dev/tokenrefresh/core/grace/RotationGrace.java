package dev.tokenrefresh.core.grace;

import dev.tokenrefresh.core.time.Ticker;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short grace period, which new tokens replaced a rotated refresh token. A request
 * that read the session just before the new tokens were saved still holds the old refresh token;
 * redeeming it again would look like theft to a provider with reuse detection (Keycloak ends the
 * session). Within the grace period such a request gets the new tokens instead, with no provider
 * call, but only from the session that rotated the token: another session presenting it gets
 * nothing.
 *
 * <p>Lookups follow a chain of rotations (A→B, B→C) to the newest set. Entries expire after {@code
 * grace} and are purged by {@link #cleanup()}; the table is capped at {@code maxEntries}, beyond
 * which, after a purge, new entries are dropped (and reported) rather than grow memory.
 * Thread-safe.
 */
public final class RotationGrace {

  private static final int MAX_CHAIN = 8;

  private final long graceNanos;
  private final int maxEntries;
  private final Ticker ticker;
  private final ConcurrentHashMap<Fingerprint, Entry> entries = new ConcurrentHashMap<>();

  /**
   * @param grace how long an old refresh token still yields its replacement
   * @param maxEntries cap on remembered rotations
   * @param ticker the time source
   */
  public RotationGrace(Duration grace, int maxEntries, Ticker ticker) {
    this.graceNanos = grace.toNanos();
    this.maxEntries = maxEntries;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /**
   * Remembers that {@code session}'s refresh token {@code rotated} was replaced by {@code tokens}.
   *
   * @return {@code false} when the entry was dropped because the table is full, or grace is off
   */
  public boolean remember(Fingerprint rotated, SessionKey session, TokenSet tokens) {
    if (graceNanos == 0) {
      return false;
    }
    if (entries.size() >= maxEntries && !entries.containsKey(rotated)) {
      cleanup();
      if (entries.size() >= maxEntries) {
        return false;
      }
    }
    entries.put(rotated, new Entry(session, tokens, ticker.read() + graceNanos));
    return true;
  }

  /**
   * The tokens that replaced {@code refreshToken} for {@code session}, if it was rotated within the
   * grace period by that same session.
   */
  public Optional<TokenSet> replacementFor(Fingerprint refreshToken, SessionKey session) {
    long now = ticker.read();
    TokenSet newest = null;
    Fingerprint key = refreshToken;
    for (int hop = 0; hop < MAX_CHAIN; hop++) {
      Entry e = entries.get(key);
      if (e == null || !e.owner().equals(session) || e.isExpired(now)) {
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

  /** Removes expired entries. */
  public void cleanup() {
    long now = ticker.read();
    entries.entrySet().removeIf(e -> e.getValue().isExpired(now));
  }

  /** How many rotations are remembered now. */
  public int size() {
    return entries.size();
  }

  /** One remembered rotation. Holds tokens: its {@code toString} shows none. */
  private record Entry(SessionKey owner, TokenSet tokens, long expiresAt) {
    boolean isExpired(long now) {
      return now - expiresAt >= 0;
    }
  }
}
