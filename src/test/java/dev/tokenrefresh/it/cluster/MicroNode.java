package dev.tokenrefresh.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One Payara Micro process of a {@link MicroCluster}: its command line, its log file, its HTTP
 * port. Started by the cluster, stopped ({@link #close}) or killed ({@link #kill}, SIGKILL) by the
 * test. Not thread-safe.
 */
final class MicroNode implements AutoCloseable {

  private final String name;
  private final List<String> command;
  private final int httpPort;
  private final Path log;
  private Process process;

  /** The log's ready lines before the last start: a restart appends to the same log. */
  private long readyBefore;

  MicroNode(String name, List<String> command, int httpPort, Path log) {
    this.name = name;
    this.command = List.copyOf(command);
    this.httpPort = httpPort;
    this.log = log;
  }

  /** Starts the process (again, after a kill); returns at once. */
  void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " runs already");
    }
    Files.createDirectories(log.getParent());
    readyBefore = readyLines();
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /** Waits until Payara says it is ready; fails with the log's error lines when it exits first. */
  void awaitReady(Duration max) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + errors());
      }
      if (readyLines() > readyBefore) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " not ready within " + max + errors());
  }

  /** How many times the log says "Payara Micro ... ready" (once per start). */
  long readyLines() throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains("Payara Micro") && l.contains(" ready in ")).count();
    }
  }

  /** The base address of {@code context} on this node, ending with a slash. */
  URI base(String context) {
    return URI.create("http://127.0.0.1:" + httpPort + "/" + context + "/");
  }

  /** The node's MicroProfile Metrics endpoint. */
  URI metrics() {
    return URI.create("http://127.0.0.1:" + httpPort + "/metrics");
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no Hazelcast goodbye; waits until the process is gone. */
  void kill() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly(); // SIGKILL on Linux
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " survived SIGKILL");
    }
  }

  /** Stops the node: SIGTERM, then SIGKILL after 20 s. Safe to call more than once. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private String errors() throws IOException {
    if (!Files.exists(log)) {
      return " (no log)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    return "\n"
        + lines.stream()
            .filter(l -> l.contains("SEVERE") || l.contains("Exception"))
            .limit(30)
            .collect(Collectors.joining("\n"))
        + "\n(log: "
        + log
        + ")";
  }

  @Override
  public String toString() {
    return name + "(:" + httpPort + (isAlive() ? ", pid " + process.pid() : ", down") + ")";
  }
}
