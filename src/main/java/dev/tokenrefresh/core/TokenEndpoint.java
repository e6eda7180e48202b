package dev.tokenrefresh.core;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.token.TokenSet;

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
}
