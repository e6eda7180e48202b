package dev.tokenrefresh.internal.core.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.support.FakeTime;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import dev.tokenrefresh.internal.core.metrics.RefreshEvent;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A flight completes whatever its side effects do: a throwing metrics adapter or breaker listener,
 * or an executor throwing from {@code submit} (undeploy), never leaves it incomplete.
 */
class FlightCompletionSafetyTest {

  private final FakeTime time = new FakeTime();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void refresh_whenTheMetricsAdapterThrowsOnEveryEvent_stillCompletesTheFlightWithTheTokens()
      throws Exception {
    RefreshMetrics broken =
        new RefreshMetrics() {
          @Override
          public void occurred(RefreshEvent event) {
            if (event == RefreshEvent.IDP_CALL_STARTED) {
              throw new IllegalStateException("registry gone");
            }
          }

          @Override
          public void refreshSucceeded(Duration latency) {
            throw new IllegalStateException("registry gone");
          }
        };
    RefreshCoordinator coordinator = coordinator(ScriptedEndpoint.immediate(), pool, broken);

    TokenSet refreshed =
        coordinator
            .refresh(SessionKey.of("s"), Tokens.expired())
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);

    assertThat(refreshed).isNotNull();
  }

  @Test
  void refresh_whenTheBreakerListenerThrowsAsTheBreakerOpens_stillFailsTheFlightWithTheFault()
      throws Exception {
    IdpFaultException down = IdpFaultException.of(FaultKind.SERVER_ERROR, "HTTP 503");
    RefreshMetrics broken =
        new RefreshMetrics() {
          @Override
          public void breakerTransitioned(BreakerState from, BreakerState to) {
            throw new IllegalStateException("listener bug");
          }
        };
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    for (int i = 0; i < 3; i++) {
      endpoint.thenThrow(down);
    }
    RefreshCoordinator coordinator = coordinator(endpoint, pool, broken);

    for (int i = 0; i < 3; i++) {
      var flight = coordinator.refresh(SessionKey.of("s" + i), Tokens.expired());
      assertThatThrownBy(() -> flight.toCompletableFuture().get(5, TimeUnit.SECONDS))
          .hasCause(down);
    }
    assertThat(coordinator.gauges().breakerState().get()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void refresh_whenTheExecutorThrowsIllegalStateOnSubmit_failsTheFlightAndGivesBackTheSlot()
      throws Exception {
    AtomicBoolean undeploying = new AtomicBoolean(true);
    ExecutorService executor =
        new AbstractExecutorService() {
          @Override
          public void execute(Runnable task) {
            if (undeploying.get()) {
              throw new IllegalStateException("the application is being undeployed");
            }
            pool.execute(task);
          }

          @Override
          public void shutdown() {}

          @Override
          public List<Runnable> shutdownNow() {
            return List.of();
          }

          @Override
          public boolean isShutdown() {
            return false;
          }

          @Override
          public boolean isTerminated() {
            return false;
          }

          @Override
          public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
          }
        };
    RefreshCoordinator coordinator =
        coordinator(ScriptedEndpoint.immediate(), executor, RefreshMetrics.noop());

    var refused = coordinator.refresh(SessionKey.of("a"), Tokens.expired()).toCompletableFuture();
    assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS))
        .isNotInstanceOf(TimeoutException.class);
    assertThat(coordinator.gauges().inFlightCalls().getAsInt()).isZero();

    undeploying.set(false);
    assertThat(
            coordinator
                .refresh(SessionKey.of("b"), Tokens.expired())
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS))
        .as("the only slot and the breaker's half-open probe were given back")
        .isNotNull();
  }

  private RefreshCoordinator coordinator(
      ScriptedEndpoint endpoint, ExecutorService executor, RefreshMetrics metrics) {
    return new RefreshCoordinator(
        RefreshSettings.builder().maxConcurrent(1).breakerHalfOpenProbes(1).build(),
        new CoordinatorPorts(endpoint, executor, time, time, () -> 0.0, metrics));
  }
}
