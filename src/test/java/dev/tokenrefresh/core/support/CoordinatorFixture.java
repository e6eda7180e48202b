package dev.tokenrefresh.core.support;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A coordinator wired to fake time, counting metrics, a settable heap gauge and a real thread pool
 * for provider calls. Close it to stop the pool.
 */
public final class CoordinatorFixture implements AutoCloseable {

  public final FakeTime time = new FakeTime();
  public final CountingMetrics metrics = new CountingMetrics();
  public final AtomicReference<Double> heap = new AtomicReference<>(0.1);
  public final ExecutorService executor = Executors.newCachedThreadPool();
  public final RefreshCoordinator coordinator;
  private final AtomicInteger sessions = new AtomicInteger();

  public CoordinatorFixture(RefreshSettings settings, TokenEndpoint endpoint) {
    this.coordinator =
        new RefreshCoordinator(
            settings, new CoordinatorPorts(endpoint, executor, time, time, heap::get, metrics));
  }

  public CoordinatorFixture(TokenEndpoint endpoint) {
    this(RefreshSettings.defaults(), endpoint);
  }

  /** Asks the coordinator to refresh {@code tokens} in {@code session}; does not wait. */
  public CompletableFuture<TokenSet> startRefresh(SessionKey session, TokenSet tokens) {
    return coordinator.refresh(session, tokens).toCompletableFuture();
  }

  /**
   * Refreshes {@code tokens} in {@code session} and waits (at most 10 s) for the answer; a failed
   * refresh throws an {@link ExecutionException} whose cause is the coordinator's error.
   */
  public TokenSet awaitRefresh(SessionKey session, TokenSet tokens)
      throws InterruptedException, ExecutionException, TimeoutException {
    return startRefresh(session, tokens).get(10, TimeUnit.SECONDS);
  }

  /**
   * Refreshes {@code tokens} in {@code session}, then reports the answer stored, as the filter does
   * once the session holds it; returns the answer.
   */
  public TokenSet awaitRefreshAndStore(SessionKey session, TokenSet tokens)
      throws InterruptedException, ExecutionException, TimeoutException {
    TokenSet answer = awaitRefresh(session, tokens);
    coordinator.stored(session, tokens);
    return answer;
  }

  /** Starts {@code n} refreshes of {@code n} sessions of their own: {@code n} separate flights. */
  public List<CompletableFuture<TokenSet>> startDistinctFlights(int n) {
    List<CompletableFuture<TokenSet>> flights = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      flights.add(
          coordinator
              .refresh(SessionKey.of("user-" + sessions.incrementAndGet()), Tokens.expired())
              .toCompletableFuture());
    }
    return flights;
  }

  /**
   * Takes no further provider calls and waits, bounded by 5 s, until every call already started has
   * finished on its pool thread, with everything its completion runs there (the flight's
   * unregistration, the slot's release). No spin: the pool's own termination is the signal.
   */
  public void awaitCallsFinished() throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
      throw new AssertionError("provider calls still running after 5 s");
    }
  }

  @Override
  public void close() {
    Pools.stopNow(executor);
  }
}
