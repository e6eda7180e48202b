package dev.tokenrefresh.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The nodes of a running cluster as {@link ClusterScenarios} sees them, whatever the server: each
 * node's address of a deployment and of its metrics, and a way to crash a node ({@code kill -9})
 * and to start it again. Nodes are numbered from 0. Implementations need not be thread-safe: the
 * scenarios call them from the test thread only.
 */
public interface ClusterNodes extends AutoCloseable {

  /**
   * One node of the cluster as the scenarios reach it.
   *
   * @param base the base address of the deployment at a context, ending with a slash
   * @param metrics the metrics endpoint in Prometheus text; the scenarios keep the samples of
   *     {@link ClusterWars#GRID} only ({@code Metrics.ofDeployment})
   * @param alive whether the node's process runs
   * @param kill {@code kill -9}: no shutdown, no goodbye to the grid; returns once the process is
   *     gone
   */
  record Node(Function<String, URI> base, URI metrics, BooleanSupplier alive, Kill kill) {}

  /** A node's {@code kill -9}. */
  @FunctionalInterface
  interface Kill {
    void now() throws InterruptedException;
  }

  /** The nodes as they run now (or ran, once killed), node 0 first. */
  List<Node> nodes();

  /** How many nodes the cluster has (alive or killed). */
  default int size() {
    return nodes().size();
  }

  /** Node {@code node} as it runs now (or ran, once killed). */
  default Node node(int node) {
    return nodes().get(node);
  }

  /** The base address of the deployment at {@code context} on {@code node}, ending with a slash. */
  default URI base(int node, String context) {
    return node(node).base().apply(context);
  }

  /** The metrics endpoint of {@code node} ({@link Node#metrics()}). */
  default URI metrics(int node) {
    return node(node).metrics();
  }

  /** Whether {@code node}'s process runs. */
  default boolean isAlive(int node) {
    return node(node).alive().getAsBoolean();
  }

  /** {@code kill -9} of {@code node} ({@link Node#kill()}). */
  default void kill(int node) throws InterruptedException {
    node(node).kill().now();
  }

  /** Starts a killed node again with its former settings and returns once it serves requests. */
  void restart(int node) throws IOException, InterruptedException;

  /** Stops every node. */
  @Override
  void close();
}
