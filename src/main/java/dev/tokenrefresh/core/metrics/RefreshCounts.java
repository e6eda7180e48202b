package dev.tokenrefresh.core.metrics;

/**
 * The application-wide counts behind the metrics, as {@code TokenRefreshService.counts()} reads
 * them: what an application can show without a metrics library (the example's page does).
 */
public final class RefreshCounts {

  private RefreshCounts() {}

  /**
   * The totals since the application started; each field read on its own (a snapshot taken during a
   * burst may be torn).
   *
   * @param requests requests that needed a refresh
   * @param coalesced requests that joined a refresh already in flight
   * @param graceReplays requests answered by rotation grace without a call
   * @param idpCalls calls to the token endpoint
   */
  public record Snapshot(long requests, long coalesced, long graceReplays, long idpCalls) {}
}
