package dev.tokenrefresh.bench.throughput;

import dev.tokenrefresh.testing.PayaraMicro;
import dev.tokenrefresh.testing.ServerProcess;
import dev.tokenrefresh.testing.WildFlyLaunch;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * WildFly for the benchmark: the build's unpacked distribution (configured by the parent's {@code
 * configure-wildfly} with {@code wildfly-config/micrometer.cli} and {@code executors.cli}), started
 * as a user starts it, {@code bin/standalone.sh -c standalone-microprofile.xml}, every listener on
 * 127.0.0.1 and every port shifted by an offset. Its base directory is a fresh copy of the
 * distribution's {@code standalone/configuration} under the work directory; the WARs are copied
 * into its {@code deployments/} before the start, so that the scanner deploys them while WildFly
 * boots. The JVM gets the benchmark's options (the same heap as Payara) instead of {@code
 * standalone.conf}'s sizing. Not thread-safe; {@link #close()} stops the script and its JVM.
 *
 * @param script the {@code standalone.sh} process (the server JVM is its child)
 * @param launch its command line, base directory ({@code jboss.server.base.dir}) and ports
 */
record WildFlyStandalone(ServerProcess script, WildFlyLaunch launch) implements BenchServer {

  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
  private static final String STARTED = "WFLYSRV0025";
  private static final String STARTED_WITH_ERRORS = "WFLYSRV0026";

  /**
   * Starts WildFly with {@code wars} and waits until it has started and deployed every one.
   *
   * @param home the unpacked distribution ({@code JBOSS_HOME})
   * @param dir the work directory: the server's base directory and its console output
   * @param portOffset {@code jboss.socket.binding.port-offset}: HTTP on 8080 + offset
   * @param jvmOptions the server JVM's options ({@code JAVA_OPTS})
   * @throws IllegalStateException when WildFly exits, starts with errors, a deployment fails or it
   *     takes too long; the message carries the log's error lines
   */
  static WildFlyStandalone start(
      Path home, Path dir, int portOffset, List<String> jvmOptions, List<Path> wars)
      throws IOException, InterruptedException {
    Path base = dir.resolve("standalone");
    PayaraMicro.deleteRecursively(base);
    copyConfiguration(home.resolve("standalone/configuration"), base.resolve("configuration"));
    Path deployments = Files.createDirectories(base.resolve("deployments"));
    for (Path war : wars) {
      Files.copy(war, deployments.resolve(war.getFileName()));
    }
    // standalone.conf's JAVA_OPTS but for the sizing, which is the benchmark's
    List<String> javaOpts = new ArrayList<>(jvmOptions);
    javaOpts.addAll(
        List.of(
            "-Djava.net.preferIPv4Stack=true",
            "-Djboss.modules.system.pkgs=org.jboss.byteman",
            "-Djava.awt.headless=true"));
    WildFlyLaunch launch =
        WildFlyLaunch.of(home, base)
            .console(dir.resolve("wildfly.out"), false)
            .portOffset(portOffset)
            .jvmOptions(javaOpts);
    WildFlyStandalone server = new WildFlyStandalone(launch.start(), launch);
    try {
      server.awaitDeployed(wars.size());
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  @Override
  public URI uri(String path) {
    return launch.uri(path);
  }

  /** The JVM that {@code standalone.sh} started (the one running {@code jboss-modules.jar}). */
  @Override
  public long pid() {
    return script
        .process()
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("jboss-modules.jar"))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no WildFly JVM under " + script.process().pid()))
        .pid();
  }

  /** Stops the server: SIGTERM to the JVM and the script, SIGKILL after 60 s; waits for both. */
  @Override
  public void close() {
    script.close();
  }

  private void awaitDeployed(int wars) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (!script.process().isAlive()) {
        throw new IllegalStateException(
            "WildFly exited with " + script.process().exitValue() + errors());
      }
      String log = log();
      if (log.contains(STARTED_WITH_ERRORS) || markers(".failed") > 0) {
        throw new IllegalStateException("WildFly started with errors" + errors());
      }
      if (log.contains(STARTED) && markers(".deployed") == wars) {
        return;
      }
      Thread.sleep(250); // polling the files WildFly writes; no event to wait on
    }
    throw new IllegalStateException("WildFly not ready within " + BOOT_TIMEOUT + errors());
  }

  private String log() throws IOException {
    Path log = launch.serverLog();
    return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
  }

  private long markers(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(launch.deployments())) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
    }
  }

  private String errors() throws IOException {
    return "\n"
        + log()
            .lines()
            .filter(l -> l.contains("ERROR") || l.contains("Exception"))
            .limit(30)
            .collect(Collectors.joining("\n"))
        + "\n(log: "
        + launch.serverLog()
        + ")";
  }

  /** The configuration files (not the distribution's own history folder). */
  private static void copyConfiguration(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
