package dev.tokenrefresh.jakarta.filter;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.internal.core.bulkhead.SuspensionLimit;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.internal.jakarta.filter.OutcomeWriter;
import dev.tokenrefresh.internal.jakarta.filter.RefreshOutcome;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One suspended request. Three parties race to finish it: the refresh completing, the async
 * timeout, and the filter being destroyed (undeploy). {@link #claim()} lets exactly one of them
 * through, and gives back the request's place in the {@link SuspensionLimit}. Thread-safe.
 */
final class Suspension {

  private static final Logger LOG = Logger.getLogger(Suspension.class.getName());

  private final AsyncContext async;
  private final SessionKey session;
  private final SuspensionLimit limit;
  private final Set<Suspension> registry;
  private final AtomicBoolean settled = new AtomicBoolean();

  Suspension(
      AsyncContext async, SessionKey session, SuspensionLimit limit, Set<Suspension> registry) {
    this.async = async;
    this.session = session;
    this.limit = limit;
    this.registry = registry;
    registry.add(this);
  }

  /** {@code true} for the first caller only, which must then finish the request. */
  boolean claim() {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    registry.remove(this);
    limit.exit(session);
    return true;
  }

  /**
   * Answers every request of {@code registry} that nothing else has finished yet with the
   * documented 503 ({@code refresh_timeout}, retry later) and completes it: what the filter does
   * when the application stops, so that no request is left to time out against classes that are
   * gone. A refresh completing afterwards finds the request claimed and leaves it alone.
   *
   * @return how many requests were answered
   */
  static int answerAll(Set<Suspension> registry, FilterSettings settings) {
    int answered = 0;
    for (Suspension waiting : List.copyOf(registry)) {
      if (!waiting.claim()) {
        continue;
      }
      answered++;
      AsyncContext async = waiting.async;
      try {
        OutcomeWriter.write(
            (HttpServletRequest) async.getRequest(),
            (HttpServletResponse) async.getResponse(),
            RefreshOutcome.waitExpired(),
            settings);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "could not answer a suspended request at shutdown: {0}", e.toString());
      } finally {
        async.complete();
      }
    }
    return answered;
  }
}
