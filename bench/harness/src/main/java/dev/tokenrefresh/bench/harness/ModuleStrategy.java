package dev.tokenrefresh.bench.harness;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import dev.tokenrefresh.internal.core.bulkhead.SuspensionLimit;
import dev.tokenrefresh.internal.core.memory.HeapGauge;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.time.Scheduler;
import dev.tokenrefresh.internal.core.time.Ticker;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * This module: the real {@link RefreshCoordinator} behind a model of {@code TokenRefreshFilter}'s
 * request path. A request whose token needs a refresh asks the coordinator; if the answer is not
 * ready it takes a place under the filter's suspension bound (or is answered 503 at once),
 * registers a callback and returns its request thread (the filter's {@code startAsync}). When the
 * flight completes, the callback hands the request back to the request threads (the filter's {@code
 * AsyncContext.dispatch}), which store the tokens by compare-and-set and answer it.
 *
 * <p>Not modelled: the per-request wait deadline ({@code AsyncContext} timeout, 30.5 s by default),
 * which no scenario reaches. Provider calls run on a cached pool standing in for the container's
 * {@code ManagedExecutorService}; the call timeout on a single-thread scheduler. Thread-safe.
 */
final class ModuleStrategy implements Strategy {

  /**
   * How the module is configured in a scenario.
   *
   * @param name the name in the output
   * @param settings the coordinator's settings
   * @param maxSuspended {@code token-refresh.max-suspended}
   * @param maxSuspendedPerFlight {@code token-refresh.max-suspended-per-flight}
   */
  record Config(
      String name, RefreshSettings settings, int maxSuspended, int maxSuspendedPerFlight) {

    /** The shipped defaults of the coordinator and the filter. */
    static Config defaults() {
      RefreshSettings settings = RefreshSettings.defaults();
      FilterSettings filter = FilterSettings.defaults(settings.timeout());
      return new Config("module", settings, filter.maxSuspended(), filter.maxSuspendedPerFlight());
    }
  }

  private final Config config;
  private final Executor requestThreads;
  private final Clock clock;
  private final ExecutorService calls =
      Executors.newCachedThreadPool(r -> new Thread(r, "idp-call"));
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "refresh-timer"));
  private final RefreshCoordinator coordinator;
  private final SuspensionLimit suspensions;

  ModuleStrategy(Config config, TokenEndpoint idp, Executor requestThreads, Clock clock) {
    this.config = config;
    this.requestThreads = requestThreads;
    this.clock = clock;
    this.suspensions = new SuspensionLimit(config.maxSuspended(), config.maxSuspendedPerFlight());
    this.coordinator =
        new RefreshCoordinator(
            config.settings(),
            new CoordinatorPorts(
                idp,
                calls,
                this::schedule,
                Ticker.system(),
                HeapGauge.jvm(),
                RefreshMetrics.noop()));
  }

  @Override
  public void handle(SimulatedSession session, Completion done) {
    TokenSet current = session.tokens();
    if (current == null) {
      done.complete(Outcome.SESSION_ENDED);
      return;
    }
    if (!current.needsRefresh(clock.instant(), REFRESH_AHEAD)) {
      done.complete(Outcome.OK);
      return;
    }
    CompletableFuture<TokenSet> flight =
        coordinator.refresh(session.key(), current).toCompletableFuture();
    if (flight.isDone()) {
      done.complete(finish(session, current, flight));
    } else if (!suspensions.tryEnter(session.key())) {
      done.complete(Outcome.REJECTED);
    } else {
      flight.whenComplete(
          (tokens, failure) -> {
            suspensions.exit(session.key());
            requestThreads.execute(() -> done.complete(finish(session, current, flight)));
          });
    }
  }

  /** What the filter's {@code finish} does with a completed flight. */
  private static Outcome finish(
      SimulatedSession session, TokenSet current, CompletableFuture<TokenSet> flight) {
    try {
      session.replace(current, flight.join());
      return Outcome.OK;
    } catch (CompletionException e) {
      if (e.getCause() instanceof GrantRevokedException) {
        session.clear();
        return Outcome.SESSION_ENDED;
      }
      return e.getCause() instanceof RefreshRejectedException
          ? Outcome.REJECTED
          : Outcome.IDP_FAULT;
    }
  }

  private Scheduler.Cancellable schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> future = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    calls.shutdownNow();
    timers.shutdownNow();
    try {
      calls.awaitTermination(10, TimeUnit.SECONDS);
      timers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
