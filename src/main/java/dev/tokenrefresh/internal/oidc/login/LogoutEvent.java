package dev.tokenrefresh.internal.oidc.login;

/**
 * What a valid logout token asks to end: the provider session {@code sid}, the user {@code sub}, or
 * both (then the sessions of that {@code sid}). Immutable.
 *
 * @param sid the provider's session id, or {@code null}
 * @param subject the user, or {@code null}; at least one of the two is present
 */
public record LogoutEvent(String sid, String subject) {

  /** Requires {@code sid} or {@code subject}. */
  public LogoutEvent {
    if (sid == null && subject == null) {
      throw new IllegalArgumentException("a logout event names a sid or a sub");
    }
  }
}
