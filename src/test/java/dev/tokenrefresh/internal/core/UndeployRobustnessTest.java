package dev.tokenrefresh.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.support.FakeTime;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.time.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A container refusing work (e.g. during undeploy) fails the flight, never the caller's thread. */
class UndeployRobustnessTest {

  @Test
  void refresh_whenTheSchedulerRefusesWork_failsThatFlightAndLeaksNoSlot() throws Exception {
    FakeTime time = new FakeTime();
    AtomicBoolean refuse = new AtomicBoolean();
    Scheduler scheduler =
        (task, delay) -> {
          if (refuse.get()) {
            throw new RejectedExecutionException("scheduler shut down");
          }
          return time.schedule(task, delay);
        };
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    ExecutorService executor = Executors.newCachedThreadPool();
    try {
      RefreshCoordinator coordinator =
          new RefreshCoordinator(
              RefreshSettings.builder().maxConcurrent(1).build(),
              new CoordinatorPorts(
                  endpoint, executor, scheduler, time, () -> 0.0, RefreshMetrics.noop()));
      CompletableFuture<TokenSet> running =
          coordinator.refresh(SessionKey.of("a"), Tokens.expired()).toCompletableFuture();

      refuse.set(true);
      CompletableFuture<TokenSet> refused =
          coordinator.refresh(SessionKey.of("b"), Tokens.expired()).toCompletableFuture();

      assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(RejectedExecutionException.class);
      assertThat(coordinator.gauges().queuedFlights().getAsInt()).isZero();
      endpoint.open();
      assertThat(running.get(5, TimeUnit.SECONDS)).isNotNull();
      // The call releases its slot on its pool thread: the pool's termination is the signal.
      executor.shutdown();
      assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
      assertThat(coordinator.gauges().inFlightCalls().getAsInt()).isZero();
    } finally {
      executor.shutdownNow();
    }
  }
}
