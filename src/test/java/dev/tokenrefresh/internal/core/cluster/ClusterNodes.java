package dev.tokenrefresh.internal.core.cluster;

import dev.tokenrefresh.core.support.CountingMetrics;
import dev.tokenrefresh.core.support.FakeTime;
import dev.tokenrefresh.core.support.Pools;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * K simulated nodes: each a coordinator with its own single-flight, sharing one fake grid, one fake
 * clock and scheduler, and (unless told otherwise) one provider. Grid work runs on the calling
 * thread unless a grid executor is given. Close it to stop the provider-call pool.
 */
final class ClusterNodes implements AutoCloseable {

  static final RefreshSettings SETTINGS =
      RefreshSettings.builder().timeout(Duration.ofSeconds(60)).build();
  static final ClusterSettings CLUSTER =
      new ClusterSettings(Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofHours(12));

  final FakeTime time = new FakeTime();
  final FakeGrid grid = new FakeGrid(time);
  final ExecutorService calls = Executors.newCachedThreadPool();
  final List<Node> nodes = new ArrayList<>();
  final byte[] key = new byte[32];
  volatile Predicate<TokenSet> usable = t -> true;

  /** One node: its coordinator, its cluster gate (null when local) and its metrics. */
  record Node(
      String id, RefreshCoordinator coordinator, ClusterFlights flights, CountingMetrics metrics) {}

  ClusterNodes() {
    new SecureRandom().nextBytes(key);
  }

  /** Adds {@code k} clustered nodes calling {@code endpoint(i)}. */
  ClusterNodes clustered(int k, IntFunction<TokenEndpoint> endpoint, Executor gridExecutor) {
    for (int i = 0; i < k; i++) {
      String id = "node-" + nodes.size();
      CountingMetrics metrics = new CountingMetrics();
      CoordinatorPorts ports = ports(endpoint.apply(i), metrics);
      FlightLedger ledger =
          new FlightLedger(grid.node(id), new SealedCodec(ClusterKeys.of(key, null)));
      ClusterFlights flights =
          new ClusterFlights(
              ledger, CLUSTER, SETTINGS, ports, gridExecutor, t -> usable.test(t), () -> {});
      nodes.add(new Node(id, new RefreshCoordinator(SETTINGS, ports, flights), flights, metrics));
    }
    return this;
  }

  ClusterNodes clustered(int k, TokenEndpoint endpoint) {
    return clustered(k, i -> endpoint, Runnable::run);
  }

  /** Adds {@code k} nodes on their own (cluster=local). */
  ClusterNodes local(int k, TokenEndpoint endpoint) {
    for (int i = 0; i < k; i++) {
      CountingMetrics metrics = new CountingMetrics();
      nodes.add(
          new Node(
              "local-" + nodes.size(),
              new RefreshCoordinator(SETTINGS, ports(endpoint, metrics)),
              null,
              metrics));
    }
    return this;
  }

  Node node(int i) {
    return nodes.get(i);
  }

  /** The sum of one metric over every node. */
  long count(String event) {
    return nodes.stream().mapToLong(n -> n.metrics().count(event)).sum();
  }

  private CoordinatorPorts ports(TokenEndpoint endpoint, CountingMetrics metrics) {
    return new CoordinatorPorts(endpoint, calls, time, time, () -> 0.1, metrics);
  }

  @Override
  public void close() {
    Pools.stopNow(calls);
  }
}
