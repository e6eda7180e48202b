package dev.tokenrefresh.internal.core;

import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.util.concurrent.CompletableFuture;

/**
 * One refresh token to redeem, as a flight leader passes it on (through the {@link
 * dev.tokenrefresh.internal.core.cluster.FlightGate} to the provider call): who presents it, which
 * token it is, and the flight its outcome completes. Immutable; its {@code toString} shows no token
 * ({@link TokenSet#toString()} redacts them, a {@link SessionKey} shows a fingerprint).
 *
 * @param session the session presenting the refresh token
 * @param current the tokens holding the refresh token
 * @param flight the flight that every caller joined, completed with the outcome
 */
public record Redemption(SessionKey session, TokenSet current, CompletableFuture<TokenSet> flight) {

  /**
   * The fingerprint of {@code current}'s refresh token: the flight's key in the coordinator, in
   * rotation grace and in the cluster's ledger. Derived, so it cannot disagree with the token.
   */
  public Fingerprint key() {
    return current.refreshTokenFingerprint();
  }
}
