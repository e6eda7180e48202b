package dev.tokenrefresh.it.cluster;

import dev.tokenrefresh.testing.ServerProcess;
import dev.tokenrefresh.testing.WildFlyLaunch;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One WildFly {@code standalone-ha} process of a {@link WildFlyCluster}: its command line, its
 * server base folder (configuration, deployments, data of its own), its console log, its ports.
 * Started by the cluster, stopped ({@link #close}) or killed ({@link #kill}, SIGKILL) by the test.
 * Not thread-safe.
 */
final class WildFlyNode implements AutoCloseable {

  private static final String STARTED = "WFLYSRV0025";
  private static final String STARTED_WITH_ERRORS = "WFLYSRV0026";

  private final String name;
  private final WildFlyLaunch launch;
  private final Path log;
  private ServerProcess process;

  /** The log's start lines before the last start: a restart appends to the same log. */
  private long startedBefore;

  WildFlyNode(String name, WildFlyLaunch launch) {
    this.name = name;
    this.launch = launch;
    this.log = launch.console();
  }

  /** Starts the process (again, after a kill); returns at once. */
  void start() throws IOException {
    if (isAlive()) {
      throw new IllegalStateException(name + " runs already");
    }
    startedBefore = count(STARTED) + count(STARTED_WITH_ERRORS);
    process = launch.start();
  }

  /**
   * Waits until WildFly says it started and every WAR in its deployments folder is deployed; fails
   * with the log's error lines when it exits first, starts with errors, or a deployment fails.
   */
  void awaitReady(Duration max) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (!isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.process().exitValue() + errors());
      }
      if (count(STARTED_WITH_ERRORS) + count(STARTED) > startedBefore) {
        if (count(STARTED_WITH_ERRORS) > 0 || markers(".failed") > 0) {
          throw new IllegalStateException(name + " started with errors" + errors());
        }
        if (markers(".deployed") == markers(".war")) {
          return;
        }
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " not ready within " + max + errors());
  }

  /** The base address of {@code context} on this node, ending with a slash. */
  URI base(String context) {
    return launch.uri("/" + context + "/");
  }

  /** Micrometer's Prometheus endpoint on the management interface. */
  URI metrics() {
    return launch.managementUri("/prometheus");
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process != null && process.process().isAlive();
  }

  /** {@code kill -9} of the server JVM and its launch script; waits until both are gone. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.kill();
    }
  }

  /** Stops the node: SIGTERM to the JVM, then SIGKILL after 20 s. Safe to call more than once. */
  @Override
  public void close() {
    if (isAlive()) {
      process.close();
    }
  }

  private long count(String marker) throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains(marker)).count();
    }
  }

  private long markers(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(launch.deployments())) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
    }
  }

  private String errors() throws IOException {
    if (!Files.exists(log)) {
      return " (no log)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    return "\n"
        + lines.stream()
            .filter(l -> l.contains("ERROR") || l.contains("Exception"))
            .limit(30)
            .collect(Collectors.joining("\n"))
        + "\n(log: "
        + log
        + ")";
  }

  @Override
  public String toString() {
    return name
        + "(offset "
        + launch.portOffset()
        + (isAlive() ? ", pid " + process.process().pid() : ", down")
        + ")";
  }
}
