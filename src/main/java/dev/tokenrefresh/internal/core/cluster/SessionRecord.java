package dev.tokenrefresh.internal.core.cluster;

import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.TokenSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The current tokens of one session as the grid holds them, and the refresh tokens they replaced. A
 * node whose copy of the session still holds one of those (a stale copy, saved back by a request
 * that ran during the rotation) takes these tokens instead of redeeming a dead refresh token. Only
 * refresh tokens this session rotated are listed, so a new login's tokens are never overridden.
 * Immutable; {@code toString} shows no token.
 *
 * @param tokens the session's newest tokens
 * @param superseded fingerprints of the refresh tokens they replaced, newest first, at most {@link
 *     #MAX_SUPERSEDED}
 * @param generation how many rotations the grid has recorded for this session
 */
public record SessionRecord(TokenSet tokens, List<Fingerprint> superseded, long generation) {

  /** How many replaced refresh tokens a record remembers. */
  public static final int MAX_SUPERSEDED = 16;

  /** Copies the list. */
  public SessionRecord {
    Objects.requireNonNull(tokens, "tokens");
    superseded = List.copyOf(superseded);
  }

  /** Whether {@code refreshToken} was replaced by this record's tokens (directly or earlier). */
  public boolean supersedes(Fingerprint refreshToken) {
    return superseded.contains(refreshToken);
  }

  /** The record after {@code rotated} was replaced by {@code next}. */
  public SessionRecord then(Fingerprint rotated, TokenSet next) {
    Set<Fingerprint> replaced = new LinkedHashSet<>();
    replaced.add(rotated);
    replaced.add(tokens.refreshTokenFingerprint());
    replaced.addAll(superseded);
    // A provider that keeps the refresh token: it is current, not replaced.
    replaced.remove(next.refreshTokenFingerprint());
    return new SessionRecord(
        next, replaced.stream().limit(MAX_SUPERSEDED).toList(), generation + 1);
  }

  /** The first record of a session: {@code rotated} was replaced by {@code next}. */
  public static SessionRecord first(Fingerprint rotated, TokenSet next) {
    return rotated.equals(next.refreshTokenFingerprint())
        ? new SessionRecord(next, List.of(), 1)
        : new SessionRecord(next, List.of(rotated), 1);
  }
}
