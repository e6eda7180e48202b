package dev.tokenrefresh.it.cluster;

import java.io.IOException;
import java.net.URI;

/**
 * The nodes of a running cluster as {@link ClusterScenarios} sees them, whatever the server: each
 * node's address of a deployment and of its metrics, and a way to crash a node ({@code kill -9})
 * and to start it again. Nodes are numbered from 0. Implementations need not be thread-safe: the
 * scenarios call them from the test thread only.
 */
public interface ClusterNodes extends AutoCloseable {

  /** How many nodes the cluster has (alive or killed). */
  int size();

  /** The base address of the deployment at {@code context} on {@code node}, ending with a slash. */
  URI base(int node, String context);

  /**
   * The metrics endpoint of {@code node} in Prometheus text; the scenarios keep the samples of
   * {@link ClusterWars#GRID} only ({@code Metrics.ofDeployment}).
   */
  URI metrics(int node);

  /** Whether {@code node}'s process runs. */
  boolean isAlive(int node);

  /** {@code kill -9}: no shutdown, no goodbye to the grid; returns once the process is gone. */
  void kill(int node) throws InterruptedException;

  /** Starts a killed node again with its former settings and returns once it serves requests. */
  void restart(int node) throws IOException, InterruptedException;

  /** Stops every node. */
  @Override
  void close();
}
