package dev.tokenrefresh.soak;

/**
 * One minute's readings of the soak. Immutable.
 *
 * @param minute minutes since the load started
 * @param heapAfterGcMiB the server's heap in use after a full collection, MiB
 * @param liveThreads the server's live threads
 * @param queuedFlights {@code token_refresh_queued_flights}
 * @param inFlightCalls {@code token_refresh_in_flight_calls}
 * @param activeFlights {@code token_refresh_active_flights}
 * @param trackedSessions {@code token_refresh_tracked_sessions}
 * @param graceEntries {@code token_refresh_grace_entries}
 * @param requests requests sent in the minute
 * @param ok of them answered 200
 * @param transientErrors of them answered 503 or 429 (the scripted provider faults)
 * @param sessionEnds of them answered 401: a lost session
 * @param refreshes refreshes that reached the provider in the minute
 */
record SoakSample(
    int minute,
    double heapAfterGcMiB,
    int liveThreads,
    int queuedFlights,
    int inFlightCalls,
    int activeFlights,
    int trackedSessions,
    int graceEntries,
    long requests,
    long ok,
    long transientErrors,
    long sessionEnds,
    long refreshes) {

  static final String CSV_HEADER =
      "minute,heap_after_gc_mib,live_threads,queued_flights,in_flight_calls,active_flights,"
          + "tracked_sessions,grace_entries,requests,ok,transient_errors,session_ends,refreshes";

  String csv() {
    return String.format(
        java.util.Locale.ROOT,
        "%d,%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d",
        minute,
        heapAfterGcMiB,
        liveThreads,
        queuedFlights,
        inFlightCalls,
        activeFlights,
        trackedSessions,
        graceEntries,
        requests,
        ok,
        transientErrors,
        sessionEnds,
        refreshes);
  }

  String markdownRow() {
    return "| " + csv().replace(",", " | ") + " |";
  }
}
