package dev.tokenrefresh.bench.harness;

import java.time.Duration;

/**
 * One way a servlet filter can handle a request whose session's access token may have expired. The
 * three implementations share the session model, the expiry check and the simulated provider, so
 * that only the strategy differs.
 */
interface Strategy extends AutoCloseable {

  /** The refresh-ahead margin all strategies use: the module's default. */
  Duration REFRESH_AHEAD = Duration.ofSeconds(30);

  /**
   * Handles one request on the calling request thread. Answers through {@code done} exactly once,
   * on this thread or, for a strategy that suspends, later on another.
   */
  void handle(SimulatedSession session, Completion done);

  /** Releases the strategy's own threads. */
  @Override
  void close();
}
