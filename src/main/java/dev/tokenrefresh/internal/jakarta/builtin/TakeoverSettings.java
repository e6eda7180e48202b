package dev.tokenrefresh.internal.jakarta.builtin;

import dev.tokenrefresh.core.config.ConfigKey;
import dev.tokenrefresh.jakarta.config.ConfigReader;

/**
 * The settings of the built-in client takeover ({@code token-refresh.builtin-oidc.*}). Immutable.
 *
 * @param enabled whether the handler is registered ({@code token-refresh.builtin-oidc.takeover})
 * @param maxBlocked request threads that may wait for refreshes at once ({@code
 *     token-refresh.builtin-oidc.max-blocked}); an authentication mechanism cannot suspend its
 *     request, so each waiter holds its thread, and beyond this number a request that would wait is
 *     answered 503 {@code too_many_waiting} at once
 */
record TakeoverSettings(boolean enabled, int maxBlocked) {

  /** The key that turns the takeover on. */
  static final String TAKEOVER = ConfigKey.BUILTIN_OIDC_TAKEOVER.key();

  /** The key of {@link #maxBlocked}. */
  static final String MAX_BLOCKED = ConfigKey.BUILTIN_OIDC_MAX_BLOCKED.key();

  /** The default of {@link #maxBlocked}: a tenth of Payara's default HTTP pool of 200 threads. */
  static final int DEFAULT_MAX_BLOCKED = ConfigKey.BUILTIN_OIDC_MAX_BLOCKED.defaultInt();

  /** Validates the bound. */
  public TakeoverSettings {
    if (maxBlocked < 1) {
      throw new IllegalArgumentException(MAX_BLOCKED + " must be >= 1, was " + maxBlocked);
    }
  }

  /** Reads both keys; unset keys keep the defaults of {@link ConfigKey} (off, 20). */
  static TakeoverSettings of(ConfigReader c) {
    return new TakeoverSettings(
        c.bool(TAKEOVER).orElse(ConfigKey.BUILTIN_OIDC_TAKEOVER.defaultBool()),
        c.integer(MAX_BLOCKED).orElse(DEFAULT_MAX_BLOCKED));
  }
}
