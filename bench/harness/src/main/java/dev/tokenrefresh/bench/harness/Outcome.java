package dev.tokenrefresh.bench.harness;

/** How one simulated request ended. */
enum Outcome {
  /** The request went on to the application with a valid access token. */
  OK,
  /** The grant is dead ({@code invalid_grant}): 401 or a redirect to the login page. */
  SESSION_ENDED,
  /** Refused without ending the session (503 with Retry-After): suspension limit, bulkhead. */
  REJECTED,
  /** The provider failed (timeout, I/O): 503, the session keeps its tokens. */
  IDP_FAULT,
  /** Not answered before the scenario's deadline (the harness gave up on it). */
  UNFINISHED
}
