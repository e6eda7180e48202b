package dev.tokenrefresh.internal.oidc;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import dev.tokenrefresh.internal.core.time.Scheduler;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The token endpoint of a provider located by OpenID Connect discovery, which need not be reachable
 * when the application starts. {@link #start()} tries discovery once in the caller's thread; while
 * it fails, it is retried in the background with capped exponential backoff (1 s, 2 s, 4 s … at
 * most {@link #MAX_DELAY}), each attempt timed by the scheduler and run on the executor. Until one
 * succeeds, {@link #untilReady()} tells the coordinator how long until the next attempt, so that a
 * refresh is refused as "not ready" (503 with {@code Retry-After}) instead of failing against the
 * provider, and nothing counts against the circuit breaker.
 *
 * <p>Logs one WARNING per outage ("identity provider unreachable (retrying in …)"), later failures
 * at FINE, and one INFO line when the provider is reached. Once located it stays located: the
 * endpoints are not discovered again.
 *
 * <p>Thread-safe. {@link #resolved} is written once by the attempt that succeeds and read by any
 * request thread; {@link #nextAttemptAt} and {@link #pending} are written only by the attempt in
 * progress (attempts never overlap: each schedules the next) and read by request threads.
 */
public final class DiscoveringTokenEndpoint implements TokenEndpoint {

  private static final Logger LOG = Logger.getLogger(DiscoveringTokenEndpoint.class.getName());

  /** The first retry's delay; each further one doubles it. */
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);

  /** The longest time between two attempts. */
  static final Duration MAX_DELAY = Duration.ofSeconds(30);

  private final Supplier<NimbusTokenEndpoint> discovery;
  private final Scheduler scheduler;
  private final Executor executor;
  private final Ticker ticker;
  private final String issuer;

  private volatile NimbusTokenEndpoint resolved;
  private volatile long nextAttemptAt;
  private volatile Scheduler.Cancellable pending;
  private volatile boolean stopped;

  /** Failed attempts in a row; touched only by the attempt in progress. */
  private int failures;

  /**
   * @param issuer the configured issuer, for log lines
   * @param discovery discovers the provider and builds its endpoint; throws when it cannot
   * @param scheduler times the retries
   * @param executor runs the retries (discovery blocks for up to its connect and read timeouts)
   * @param ticker the time source of {@link #untilReady()}
   */
  public DiscoveringTokenEndpoint(
      String issuer,
      Supplier<NimbusTokenEndpoint> discovery,
      Scheduler scheduler,
      Executor executor,
      Ticker ticker) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.discovery = Objects.requireNonNull(discovery, "discovery");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  /** Tries discovery now, in the caller's thread; on failure schedules the retries. */
  public void start() {
    attempt();
  }

  /** Stops retrying (the application is being undeployed). */
  public void stop() {
    stopped = true;
    Scheduler.Cancellable next = pending;
    if (next != null) {
      next.cancel();
    }
  }

  /** The provider's endpoint, once discovery has succeeded. */
  public Optional<NimbusTokenEndpoint> resolved() {
    return Optional.ofNullable(resolved);
  }

  @Override
  public Optional<Duration> untilReady() {
    if (resolved != null) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(Math.max(0, nextAttemptAt - ticker.read())));
  }

  @Override
  public TokenSet refresh(TokenSet current) {
    NimbusTokenEndpoint endpoint = resolved;
    if (endpoint == null) {
      // The coordinator asks untilReady() first; this is only the race with a concurrent start.
      throw new IdpFaultException(
          FaultKind.IO, "the provider has not been reached yet", true, null);
    }
    return endpoint.refresh(current);
  }

  private void attempt() {
    if (stopped) {
      return;
    }
    try {
      NimbusTokenEndpoint endpoint = discovery.get();
      resolved = endpoint;
      if (failures > 0) {
        LOG.info(
            () ->
                "token-refresh-filter: identity provider "
                    + issuer
                    + " reached after "
                    + failures
                    + " failed attempts; refreshes proceed");
      }
    } catch (RuntimeException e) {
      failures++;
      retryLater(e);
    }
  }

  private void retryLater(RuntimeException failure) {
    Duration delay = delayAfter(failures);
    nextAttemptAt = ticker.read() + delay.toNanos();
    if (failures == 1) {
      // A document naming endpoints the settings refuse (e.g. plain http for an https issuer) is
      // the provider's configuration, not an outage: say so, and retry, as it may be corrected.
      String what =
          failure instanceof IllegalArgumentException
              ? "the identity provider's discovered endpoints were refused"
              : "identity provider unreachable";
      LOG.warning(
          () ->
              "token-refresh-filter: "
                  + what
                  + " (retrying in "
                  + delay.toSeconds()
                  + " s, then with backoff up to "
                  + MAX_DELAY.toSeconds()
                  + " s; until then a request that needs a refresh gets 503 idp_not_ready): "
                  + failure.getMessage());
    } else {
      LOG.log(Level.FINE, "identity provider still unreachable: {0}", failure.getMessage());
    }
    try {
      pending = scheduler.schedule(this::submitAttempt, delay);
    } catch (RuntimeException undeploying) {
      LOG.log(Level.FINE, "discovery retry not scheduled: {0}", undeploying.toString());
    }
  }

  private void submitAttempt() {
    try {
      executor.execute(this::attempt);
    } catch (RejectedExecutionException | IllegalStateException undeploying) {
      LOG.log(Level.FINE, "discovery retry not run: {0}", undeploying.toString());
    }
  }

  /** 1 s after the first failure, doubling, at most {@link #MAX_DELAY}. */
  static Duration delayAfter(int failures) {
    int doublings = Math.min(failures - 1, 30);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  @Override
  public String toString() {
    return "DiscoveringTokenEndpoint[issuer=" + issuer + ", resolved=" + (resolved != null) + "]";
  }
}
