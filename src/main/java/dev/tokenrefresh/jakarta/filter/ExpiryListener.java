package dev.tokenrefresh.jakarta.filter;

import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.internal.jakarta.filter.OutcomeWriter;
import dev.tokenrefresh.internal.jakarta.filter.RefreshOutcome;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Answers a suspended request whose wait ran out (or whose connection failed) with the documented
 * 503, unless the refresh completed first. The shared refresh goes on for the other waiters.
 */
final class ExpiryListener implements AsyncListener {

  private final BooleanSupplier claim;
  private final FilterSettings settings;

  /**
   * @param claim returns {@code true} for whichever of completion and expiry comes first
   * @param settings for the login path
   */
  ExpiryListener(BooleanSupplier claim, FilterSettings settings) {
    this.claim = claim;
    this.settings = settings;
  }

  @Override
  public void onTimeout(AsyncEvent event) throws IOException {
    expire(event);
  }

  @Override
  public void onError(AsyncEvent event) throws IOException {
    expire(event);
  }

  @Override
  public void onComplete(AsyncEvent event) {}

  @Override
  public void onStartAsync(AsyncEvent event) {}

  private void expire(AsyncEvent event) throws IOException {
    if (!claim.getAsBoolean()) {
      return;
    }
    HttpServletRequest req = (HttpServletRequest) event.getSuppliedRequest();
    HttpServletResponse res = (HttpServletResponse) event.getSuppliedResponse();
    OutcomeWriter.write(req, res, RefreshOutcome.waitExpired(), settings);
    event.getAsyncContext().complete();
  }
}
