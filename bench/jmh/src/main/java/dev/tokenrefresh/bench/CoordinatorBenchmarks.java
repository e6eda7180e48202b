package dev.tokenrefresh.bench;

import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.breaker.CircuitBreaker;
import dev.tokenrefresh.internal.core.limit.AttemptLimiter;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-request costs of the core: the refresh decision for a valid token, fingerprinting a
 * refresh token, joining a flight already in the air, and the breaker and limiter checks. Run:
 * {@code mvn -B -f bench/jmh/pom.xml verify} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CoordinatorBenchmarks {

  static final int JOINS_PER_FLIGHT = 1_000;

  /** A realistic Keycloak-sized refresh token (about 800 characters). */
  private static final String REFRESH_TOKEN = "eyJ" + "x".repeat(800);

  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Duration refreshAhead = Duration.ofSeconds(30);
  private TokenSet valid;
  private SessionKey session;
  private RefreshCoordinator coordinator;

  /** Each running flight's provider call waits on its own gate, keyed by its refresh token. */
  private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

  private ExecutorService executor;
  private CircuitBreaker breaker;
  private AttemptLimiter limiter;

  @Setup(Level.Trial)
  public void setUp() {
    valid = new TokenSet("access", REFRESH_TOKEN, null, now.plusSeconds(300), now);
    session = SessionKey.of("bench-session");
    // One thread: a flight's call blocks on its gate until the join benchmark's invocation ends,
    // later ones queue behind it.
    executor = Executors.newSingleThreadExecutor();
    RefreshSettings settings =
        RefreshSettings.builder()
            .memoryPressureEnabled(false)
            .maxAttempts(Integer.MAX_VALUE)
            .maxConcurrent(Integer.MAX_VALUE)
            .build();
    coordinator =
        new RefreshCoordinator(
            settings,
            new CoordinatorPorts(
                current -> {
                  awaitQuietly(gates.getOrDefault(current.refreshToken(), OPEN));
                  return current;
                },
                executor,
                (task, delay) -> () -> {},
                Ticker.system(),
                () -> 0.0,
                RefreshMetrics.noop()));
    breaker = new CircuitBreaker(3, Duration.ofSeconds(30), 1, Ticker.system(), (a, b) -> {});
    limiter =
        // A window of 1 ns keeps the history at one entry: the steady state of a session.
        new AttemptLimiter(
            5,
            Duration.ofNanos(1),
            Duration.ofSeconds(1),
            1_000,
            Ticker.system(),
            () -> {},
            () -> {});
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    gates.values().forEach(CountDownLatch::countDown);
    executor.shutdownNow();
  }

  /** The filter's decision for a valid token: no parse, two instant comparisons. */
  @Benchmark
  public boolean decision_validToken() {
    return valid.needsRefresh(now, refreshAhead);
  }

  /** SHA-256 of an 800-character refresh token: the flight key. */
  @Benchmark
  public Fingerprint fingerprint_refreshToken() {
    return Fingerprint.of(REFRESH_TOKEN);
  }

  /**
   * A request joining the flight already running for its refresh token. Each invocation joins a
   * fresh flight {@value #JOINS_PER_FLIGHT} times, as a burst would: one flight that collected
   * millions of waiters over a whole iteration would measure the garbage collector instead.
   */
  @Benchmark
  @OperationsPerInvocation(JOINS_PER_FLIGHT)
  public void refresh_joinExistingFlight(FreshFlight flight, Blackhole sink) {
    for (int i = 0; i < JOINS_PER_FLIGHT; i++) {
      sink.consume(coordinator.refresh(flight.session, flight.tokens));
    }
  }

  /**
   * Starts a new flight (a new refresh token) before each invocation of the join benchmark and lets
   * it complete after it, so that the flight table holds one flight, not every flight of the trial.
   * A few sessions take turns, as a server's many sessions would.
   */
  @State(Scope.Thread)
  public static class FreshFlight {
    TokenSet tokens;
    SessionKey session;
    private long serial;

    @Setup(Level.Invocation)
    public void start(CoordinatorBenchmarks bench) {
      serial++;
      tokens =
          new TokenSet(
              "access", REFRESH_TOKEN + serial, null, bench.now.minusSeconds(1), bench.now);
      session = SessionKey.of("bench-session-" + serial % 16);
      bench.gates.put(tokens.refreshToken(), new CountDownLatch(1));
      bench.coordinator.refresh(session, tokens);
    }

    @TearDown(Level.Invocation)
    public void complete(CoordinatorBenchmarks bench) {
      bench.gates.remove(tokens.refreshToken()).countDown();
    }
  }

  /** Admission through a closed breaker plus recording a success. */
  @Benchmark
  public void breaker_acquireAndRecordSuccess() {
    breaker.onSuccess(breaker.tryAcquire());
  }

  /** The per-session attempt check. */
  @Benchmark
  public Object limiter_tryAcquire() {
    return limiter.tryAcquire(session);
  }

  private static final CountDownLatch OPEN = new CountDownLatch(0);

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
