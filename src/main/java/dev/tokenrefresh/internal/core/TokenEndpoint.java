package dev.tokenrefresh.internal.core;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import java.util.Optional;

/**
 * The port to the identity provider's token endpoint. The Jakarta layer implements it with Nimbus's
 * OAuth 2.0 SDK; tests implement it with stubs that count calls.
 *
 * <p>Implementations must be thread-safe, must bound their own I/O with connect and read timeouts
 * shorter than the coordinator's timeout, and should stop promptly when their thread is interrupted
 * (the coordinator interrupts a call that outlives its timeout).
 */
@FunctionalInterface
public interface TokenEndpoint {

  /**
   * Redeems {@code current}'s refresh token ({@code grant_type=refresh_token}).
   *
   * @param current the session's tokens; when the provider issues no new refresh token, the result
   *     keeps this set's refresh token
   * @return the new tokens
   * @throws GrantRevokedException when the provider rejected the grant ({@code invalid_grant})
   * @throws IdpFaultException when the provider failed (5xx, {@code temporarily_unavailable}, I/O,
   *     malformed answer); {@link IdpFaultException#requestNotSent()} marks the only retryable case
   */
  TokenSet refresh(TokenSet current);

  /**
   * Whether the endpoint can be called now. An endpoint still being located (e.g. by discovery that
   * is retried until the provider answers) says how long until its next attempt; the coordinator
   * then refuses the refresh as {@link dev.tokenrefresh.core.error.RejectionReason#IDP_NOT_READY}
   * without calling, without counting against the circuit breaker and without using the session's
   * attempts.
   *
   * @return empty when ready (the default); otherwise the time until readiness may change
   */
  default Optional<Duration> untilReady() {
    return Optional.empty();
  }
}
