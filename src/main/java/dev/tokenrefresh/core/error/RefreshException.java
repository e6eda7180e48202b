package dev.tokenrefresh.core.error;

/**
 * Why a refresh did not produce new tokens. The family is sealed so that every caller handles the
 * three situations that need different answers:
 *
 * <ul>
 *   <li>{@link GrantRevokedException} – terminal: the refresh token is dead; log the user out and
 *       do not blame the identity provider;
 *   <li>{@link IdpFaultException} – transient: the identity provider is failing; it counts toward
 *       the circuit breaker and the user keeps the session;
 *   <li>{@link RefreshRejectedException} – the coordinator refused to call the provider (cooldown,
 *       breaker open, saturated, memory pressure).
 * </ul>
 *
 * <p>Messages never contain a token or a secret. One instance may be handed to many waiters of the
 * same refresh flight; instances are immutable and thread-safe.
 */
public abstract sealed class RefreshException extends RuntimeException
    permits GrantRevokedException, IdpFaultException, RefreshRejectedException {

  private static final long serialVersionUID = 1L;

  RefreshException(String message, Throwable cause) {
    super(message, cause);
  }
}
