package dev.tokenrefresh.internal.core.health;

import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers when the identity provider last answered a refresh with new tokens, by wrapping the
 * token-endpoint port: only a call that returned tokens counts, whatever the coordinator then did
 * with them. Read by the readiness check ("time since the last successful IdP call").
 *
 * <p>Thread-safe: one atomic reading, written after each successful call.
 */
public final class LastSuccess {

  private static final long NEVER = Long.MIN_VALUE;

  private final Ticker ticker;

  /** The ticker reading of the last successful call, or {@link #NEVER}. */
  private final AtomicLong at = new AtomicLong(NEVER);

  /**
   * @param ticker the time source
   */
  public LastSuccess(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /** {@code endpoint}, with each successful call recorded here. */
  public TokenEndpoint around(TokenEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new TokenEndpoint() {
      @Override
      public TokenSet refresh(TokenSet current) {
        TokenSet tokens = endpoint.refresh(current);
        at.set(ticker.read());
        return tokens;
      }

      @Override
      public Optional<Duration> untilReady() {
        return endpoint.untilReady();
      }
    };
  }

  /** How long ago the last successful call returned, or empty if none has since the start. */
  public Optional<Duration> elapsed() {
    long last = at.get();
    return last == NEVER ? Optional.empty() : Optional.of(Duration.ofNanos(ticker.read() - last));
  }
}
