package dev.tokenrefresh.bench.harness;

import java.time.Duration;

/**
 * One workload: a burst of {@code sessions × requestsPerSession} requests, all arriving together
 * just after every session's access token expired, against a {@link RotatingIdp} answering in
 * {@code idpLatency}; optionally another user with a valid token sending requests meanwhile.
 *
 * @param id the scenario's name in the output
 * @param sessions how many sessions (M)
 * @param requestsPerSession requests per session (N)
 * @param idpLatency how long each provider call takes
 * @param requestPool the request threads of strategies that block: a pool of this size, or 0 for
 *     one thread per request (the module always runs on a pool of {@link #MODULE_POOL})
 * @param otherUserRequests requests of the other user, one every {@link #OTHER_USER_SPACING}
 * @param deadline how long the harness waits for every answer
 */
record Scenario(
    String id,
    int sessions,
    int requestsPerSession,
    Duration idpLatency,
    int requestPool,
    int otherUserRequests,
    Duration deadline) {

  /** The request pool of the module, and of every strategy where a scenario says so. */
  static final int MODULE_POOL = 200;

  /** When the other user's first request arrives, and the gap between two of them. */
  static final Duration OTHER_USER_SPACING = Duration.ofMillis(100);

  /** The burst's size. */
  int burst() {
    return sessions * requestsPerSession;
  }

  /** The request threads {@code strategy} runs on in this scenario. */
  RequestThreads requestThreadsFor(StrategySpec strategy) {
    if (!strategy.blocksRequestThread()) {
      return new PooledRequestThreads(MODULE_POOL);
    }
    return requestPool == 0 ? new ThreadPerRequest() : new PooledRequestThreads(requestPool);
  }
}
