package dev.tokenrefresh.internal.core;

import dev.tokenrefresh.internal.core.memory.HeapGauge;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.time.Scheduler;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * What the coordinator needs from its surroundings. The Jakarta layer fills it with a Nimbus token
 * endpoint, a {@code ManagedExecutorService}, a {@code ManagedScheduledExecutorService} and a
 * metrics adapter; tests with stubs, a fake ticker and a manual scheduler.
 *
 * @param tokenEndpoint the identity provider's token endpoint
 * @param executor runs provider calls; its futures are cancelled (interrupting) on timeout
 * @param scheduler bounds each call and each queue wait
 * @param ticker the time source
 * @param heapGauge reads the heap for the memory guard
 * @param metrics told what happens
 */
public record CoordinatorPorts(
    TokenEndpoint tokenEndpoint,
    ExecutorService executor,
    Scheduler scheduler,
    Ticker ticker,
    HeapGauge heapGauge,
    RefreshMetrics metrics) {

  /** Requires every port. */
  public CoordinatorPorts {
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(heapGauge, "heapGauge");
    Objects.requireNonNull(metrics, "metrics");
  }

  /** The same ports with another token endpoint (the cluster's lease-guarded one). */
  public CoordinatorPorts withTokenEndpoint(TokenEndpoint other) {
    return new CoordinatorPorts(other, executor, scheduler, ticker, heapGauge, metrics);
  }

  /** The same ports with another metrics adapter. */
  public CoordinatorPorts withMetrics(RefreshMetrics other) {
    return new CoordinatorPorts(tokenEndpoint, executor, scheduler, ticker, heapGauge, other);
  }
}
