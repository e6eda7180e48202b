package dev.tokenrefresh.bench.harness;

import java.util.List;
import java.util.Locale;

/**
 * What one strategy did in one scenario; one row of the output table and of the CSV file.
 *
 * @param scenario the scenario's id
 * @param strategy the strategy's name
 * @param requestThreads how request threads were modelled ({@code per-request}, {@code pool-200})
 * @param sessions M
 * @param requestsPerSession N
 * @param idpLatencyMs the simulated provider's latency per call
 * @param idpCalls calls the provider received
 * @param peakIdpCalls the most provider calls in progress at once
 * @param burst requests of the expired sessions, and how they ended
 * @param sessionsLost sessions whose stored refresh token the provider no longer accepts
 * @param peaks live threads and used heap at their peaks
 * @param peakHeldThreads the most request threads occupied at once
 * @param other the other user's requests (empty when the scenario has none)
 * @param wallMs from the burst's release to the last answer
 */
record ScenarioResult(
    String scenario,
    String strategy,
    String requestThreads,
    int sessions,
    int requestsPerSession,
    long idpLatencyMs,
    long idpCalls,
    int peakIdpCalls,
    RequestLog.Summary burst,
    int sessionsLost,
    ResourceSampler.Peaks peaks,
    int peakHeldThreads,
    RequestLog.Summary other,
    int otherRequests,
    double wallMs) {

  /** The CSV header; {@link #csvValues()} follows it. */
  static final List<String> CSV_HEADER =
      List.of(
          "scenario",
          "strategy",
          "request_threads",
          "sessions",
          "requests_per_session",
          "idp_latency_ms",
          "idp_calls",
          "peak_concurrent_idp_calls",
          "ok",
          "session_ended",
          "rejected_503",
          "idp_fault",
          "unfinished",
          "sessions_lost",
          "p50_ms",
          "p99_ms",
          "max_ms",
          "peak_live_threads",
          "peak_held_request_threads",
          "peak_heap_used_mb",
          "other_user_requests",
          "other_user_ok",
          "other_user_p50_ms",
          "other_user_p99_ms",
          "other_user_max_ms",
          "wall_ms");

  /** This row's values, in {@link #CSV_HEADER}'s order. */
  List<String> csvValues() {
    return List.of(
        scenario,
        strategy,
        requestThreads,
        num(sessions),
        num(requestsPerSession),
        num(idpLatencyMs),
        num(idpCalls),
        num(peakIdpCalls),
        num(burst.count(Outcome.OK)),
        num(burst.count(Outcome.SESSION_ENDED)),
        num(burst.count(Outcome.REJECTED)),
        num(burst.count(Outcome.IDP_FAULT)),
        num(burst.count(Outcome.UNFINISHED)),
        num(sessionsLost),
        ms(burst.p50Ms()),
        ms(burst.p99Ms()),
        ms(burst.maxMs()),
        num(peaks.liveThreads()),
        num(peakHeldThreads),
        ms(peaks.heapUsedMb()),
        num(otherRequests),
        num(otherRequests == 0 ? 0 : other.count(Outcome.OK)),
        ms(other.p50Ms()),
        ms(other.p99Ms()),
        ms(other.maxMs()),
        ms(wallMs));
  }

  /** Requests of the burst. */
  int requests() {
    return sessions * requestsPerSession;
  }

  /** Requests of the burst that were not served (every outcome but OK). */
  int failures() {
    return requests() - burst.count(Outcome.OK);
  }

  private static String num(long value) {
    return Long.toString(value);
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
  }
}
