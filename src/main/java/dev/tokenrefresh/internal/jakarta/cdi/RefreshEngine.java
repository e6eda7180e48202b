package dev.tokenrefresh.internal.jakarta.cdi;

import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.tokenrefresh.core.config.ConfigKey;
import dev.tokenrefresh.core.metrics.RefreshCounts;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.cluster.FlightGate;
import dev.tokenrefresh.internal.core.health.LastSuccess;
import dev.tokenrefresh.internal.core.health.ReadinessReport;
import dev.tokenrefresh.internal.core.memory.HeapGauge;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.metrics.RefreshTotals;
import dev.tokenrefresh.internal.core.time.Ticker;
import dev.tokenrefresh.internal.jakarta.cluster.ClusterSelection;
import dev.tokenrefresh.internal.jakarta.config.SettingsMapping;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.internal.jakarta.metrics.MetricsSelection;
import dev.tokenrefresh.internal.oidc.DiscoveringTokenEndpoint;
import dev.tokenrefresh.internal.oidc.NimbusOrigin;
import dev.tokenrefresh.internal.oidc.NimbusTokenEndpoint;
import dev.tokenrefresh.internal.oidc.ProviderEndpoints;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The application-wide owner of the {@link RefreshCoordinator}: reads {@code token-refresh.*} from
 * MicroProfile Config, connects the Nimbus token endpoint, runs provider calls on a {@code
 * ManagedExecutorService} and cleanup on a {@code ManagedScheduledExecutorService}. It starts with
 * the application, so invalid configuration fails the deployment with a message naming the key; an
 * unreachable identity provider does not (discovery is retried in the background). The filter, the
 * health check, the login mechanism and the built-in client's takeover use it directly; an
 * application uses its public face, {@link dev.tokenrefresh.jakarta.cdi.TokenRefreshService}.
 * Thread-safe.
 */
@ApplicationScoped
public class RefreshEngine {

  private static final Logger LOG = Logger.getLogger(RefreshEngine.class.getName());

  @Inject Config config;

  /** For the metrics registries, which must not be looked up through {@code CDI.current()}. */
  @Inject Instance<Object> beans;

  private RefreshCoordinator coordinator;
  private DiscoveringTokenEndpoint tokenEndpoint;
  private RefreshSettings settings;
  private FilterSettings filterSettings;
  private ScheduledFuture<?> cleanup;
  private FlightGate gate = FlightGate.local();
  private final RefreshTotals counts = new RefreshTotals();
  private RefreshMetrics metrics = RefreshMetrics.noop();
  private final Clock clock = Clock.systemUTC();
  private final LastSuccess lastSuccess = new LastSuccess(Ticker.system());
  private boolean breakerOpenIsDown;

  /** Written once, by discovery or at start; read by the login mechanism. */
  private volatile ProviderEndpoints providerEndpoints;

  /** More cleanup tasks (the login's session index), run with the coordinator's. */
  private final List<Runnable> cleanups = new CopyOnWriteArrayList<>();

  /** The filter's count of suspended requests, once it has started; 0 until then. */
  private final AtomicReference<IntSupplier> suspended = new AtomicReference<>(() -> 0);

  /** Makes the bean start (and validate its configuration) when the application starts. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    filterSettings();
  }

  @PostConstruct
  void start() {
    NimbusOrigin.warnIfMixed();
    try {
      ConfigReader source = new ConfigReader(key -> config.getOptionalValue(key, String.class));
      settings = SettingsMapping.refreshSettings(source);
      filterSettings = SettingsMapping.filterSettings(source, settings);
      breakerOpenIsDown = SettingsMapping.breakerOpenIsDown(source);
      ManagedExecutors executors = ManagedExecutors.lookup(source);
      ManagedScheduler scheduler = new ManagedScheduler(executors.timers());
      tokenEndpoint =
          OidcEndpoints.connect(
              source,
              settings.timeout(),
              new OidcEndpoints.Surroundings(
                  clock,
                  Ticker.system(),
                  scheduler,
                  executors.calls(),
                  found -> providerEndpoints = found));
      metrics =
          MetricsSelection.select(
              source.text(ConfigKey.METRICS.key()),
              source
                  .text(ConfigKey.OTEL_SDK_DISABLED.key())
                  .map("false"::equalsIgnoreCase)
                  .orElse(false),
              beans,
              counts);
      metrics.bindSuspendedRequests(() -> suspended.get().getAsInt());
      CoordinatorPorts ports =
          new CoordinatorPorts(
              lastSuccess.around(tokenEndpoint),
              executors.calls(),
              scheduler,
              Ticker.system(),
              HeapGauge.jvm(),
              metrics);
      FilterSettings f = filterSettings;
      gate =
          ClusterSelection.select(
              source,
              SettingsMapping.clusterSettings(source),
              settings,
              ports,
              t -> !t.needsRefresh(clock.instant(), f.refreshAhead()));
      coordinator = new RefreshCoordinator(settings, ports, gate);
      long every = settings.cleanupInterval().toNanos();
      cleanup =
          executors.timers().scheduleAtFixedRate(this::cleanup, every, every, TimeUnit.NANOSECONDS);
      tokenEndpoint.start();
      LOG.info(
          () ->
              "token-refresh-filter started: " + tokenEndpoint + ", timeout " + settings.timeout());
    } catch (RuntimeException e) {
      String message = "Invalid token-refresh-filter configuration: " + e.getMessage();
      // Logged as well as thrown: some servers (Payara 6) report the failed deployment without
      // the exception's causes, so the key would appear nowhere.
      LOG.severe(message);
      throw new IllegalStateException(message, e);
    }
  }

  @PreDestroy
  void stop() {
    if (cleanup != null) {
      cleanup.cancel(false);
    }
    gate.close();
    if (tokenEndpoint != null) {
      tokenEndpoint.stop();
    }
  }

  private void cleanup() {
    coordinator.cleanup();
    cleanups.forEach(Runnable::run);
  }

  /** Runs {@code task} with every cleanup of the per-session state (each cleanup-interval). */
  public void alsoOnCleanup(Runnable task) {
    cleanups.add(task);
  }

  /**
   * The provider's token endpoint and its endpoints, once it has been reached (discovery runs in
   * the background): empty until then.
   */
  public Optional<Provider> provider() {
    ProviderEndpoints endpoints = providerEndpoints;
    return tokenEndpoint
        .resolved()
        .filter(resolved -> endpoints != null)
        .map(resolved -> new Provider(resolved, endpoints));
  }

  /**
   * A provider that has been reached: its token endpoint (code exchange, logout-token check) and
   * its endpoints (authorization, end-session).
   *
   * @param tokenEndpoint the token endpoint
   * @param endpoints the provider's endpoints
   */
  public record Provider(NimbusTokenEndpoint tokenEndpoint, ProviderEndpoints endpoints) {}

  /** How long until the provider is tried again while it has not been reached; empty once it is. */
  public Optional<java.time.Duration> untilReady() {
    return tokenEndpoint.untilReady();
  }

  /**
   * Forgets {@code session}'s per-session state (it was logged out); see {@link
   * RefreshCoordinator#forget}.
   */
  public void forget(SessionKey session) {
    coordinator.forget(session);
  }

  /** Refreshes {@code current} for {@code session}; see {@link RefreshCoordinator#refresh}. */
  public CompletionStage<TokenSet> refresh(SessionKey session, TokenSet current) {
    return coordinator.refresh(session, current);
  }

  /**
   * Tells the coordinator that {@code session} stored the replacement of {@code previous}; see
   * {@link RefreshCoordinator#stored}.
   */
  public void stored(SessionKey session, TokenSet previous) {
    coordinator.stored(session, previous);
  }

  /**
   * Where the filter counts the requests suspended for a refresh: read by the {@code
   * token_refresh_suspended_requests} gauge.
   */
  public void reportSuspended(IntSupplier count) {
    suspended.set(count);
  }

  /**
   * Tells the coordinator that {@code session} ended while the refresh of {@code previous} ran and
   * its new tokens were not stored; see {@link RefreshCoordinator#discarded}.
   */
  public void discarded(SessionKey session, TokenSet previous) {
    coordinator.discarded(session, previous);
  }

  /**
   * Turns the tokens of a login (the authorization-code exchange) into the session's first {@link
   * TokenSet}; save it with the {@code TokenStore}. Validates the ID token like a refresh does.
   *
   * @throws IllegalArgumentException when the tokens are unusable (e.g. no refresh token)
   * @throws IllegalStateException while the provider has not been reached yet
   */
  public TokenSet tokensFromLogin(Tokens tokens) {
    return tokenEndpoint
        .resolved()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the identity provider has not been reached yet (discovery is retried)"))
        .fromLogin(tokens);
  }

  /** The filter's settings. */
  public FilterSettings filterSettings() {
    return filterSettings;
  }

  /** The coordinator's settings. */
  public RefreshSettings settings() {
    return settings;
  }

  /** The wall clock used for token expiry. */
  public Clock clock() {
    return clock;
  }

  /**
   * The application-wide totals of refresh requests, coalesced requests, grace replays and calls to
   * the token endpoint, whichever metrics library is present (or none).
   */
  public RefreshCounts.Snapshot counts() {
    return counts.snapshot();
  }

  /** The metrics port, for the login mechanism's own events. */
  public RefreshMetrics metrics() {
    return metrics;
  }

  /** The readiness verdict and its figures, for the health check. */
  public ReadinessReport readiness() {
    return ReadinessReport.assess(
        coordinator.gauges(),
        lastSuccess,
        coordinator.gauges().idpReady().getAsBoolean(),
        breakerOpenIsDown,
        Map.of());
  }

  /** Live readings, for diagnostics and tests. */
  public RefreshCoordinator coordinator() {
    return coordinator;
  }
}
