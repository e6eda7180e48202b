package dev.tokenrefresh.jakarta.filter;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What a suspended (or waiting) request needs to finish: the tokens it read, and the refresh's
 * result or failure. Holds tokens: its {@code toString} shows none.
 */
record Resumption(
    SessionKey session, TokenSet current, TokenSet tokens, Throwable failure, long startedNanos) {

  /** Reads the completed {@code flight}. */
  static Resumption of(
      SessionKey session, TokenSet current, CompletableFuture<TokenSet> flight, long started) {
    try {
      return new Resumption(session, current, flight.join(), null, started);
    } catch (CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Resumption(session, current, null, cause, started);
    }
  }

  @Override
  public String toString() {
    return "Resumption[" + session + ", failed=" + (failure != null) + "]";
  }
}
