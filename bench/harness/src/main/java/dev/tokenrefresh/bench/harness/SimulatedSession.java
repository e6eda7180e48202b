package dev.tokenrefresh.bench.harness;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One user's HTTP session as the three strategies see it: the tokens it holds (an attribute that
 * every request of the session reads) and a monitor for the strategy that locks the session.
 * Thread-safe.
 */
final class SimulatedSession {

  private final SessionKey key;
  private final AtomicReference<TokenSet> tokens;

  /** The monitor that the session-lock strategy holds across its provider call. */
  final Object lock = new Object();

  SimulatedSession(String id, TokenSet initial) {
    this.key = SessionKey.of(id);
    this.tokens = new AtomicReference<>(initial);
  }

  SessionKey key() {
    return key;
  }

  /** The tokens held now, or {@code null} once they were cleared (the user must log in again). */
  TokenSet tokens() {
    return tokens.get();
  }

  /** Last writer wins: what a plain {@code session.setAttribute} does. */
  void overwrite(TokenSet refreshed) {
    tokens.set(refreshed);
  }

  /**
   * Stores {@code refreshed} unless the session already holds newer tokens: the compare-and-set of
   * the module's {@code HttpSessionTokenStore.replace}.
   */
  void replace(TokenSet previous, TokenSet refreshed) {
    while (true) {
      TokenSet current = tokens.get();
      boolean newer = current == null || refreshed.issuedAt().isAfter(current.issuedAt());
      if (!(current == previous || newer) || tokens.compareAndSet(current, refreshed)) {
        return;
      }
    }
  }

  /** Removes the tokens: the grant is dead. */
  void clear() {
    tokens.set(null);
  }
}
