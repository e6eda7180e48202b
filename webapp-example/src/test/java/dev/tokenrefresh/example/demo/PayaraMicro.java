package dev.tokenrefresh.example.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payara Micro in a child process, started the way {@code payara-config/README.md} tells a user to:
 * the JVM options of {@code jvm-options.txt}, the pre- and post-boot command files, and every
 * listener on 127.0.0.1 (HTTP by the pre-boot command, the data grid by {@code --interfaces} and
 * {@code hazelcast.socket.bind.any=false}). Its output goes to {@code payara.log} in the work
 * directory. Not thread-safe; {@link #close()} stops the process.
 */
public final class PayaraMicro implements AutoCloseable {

  /** The example's context root (its {@code WEB-INF/payara-web.xml}). */
  public static final String CONTEXT_ROOT = "/example";

  /**
   * Only for the demo and the test on a shared 2-core machine: a C1-only JIT and the serial
   * collector boot faster and use less CPU for a short-lived server. Not advice for production.
   */
  private static final List<String> SMALL_HOST_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);

  private final Process process;
  private final int port;
  private final Path log;

  /** Stops the server if this JVM exits first (Ctrl-C, a test run that is cut short). */
  private final Thread stopOnExit;

  private PayaraMicro(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.stopOnExit = new Thread(this::stop, "stop-payara-micro-" + process.pid());
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Starts Payara Micro with the example deployed and waits until the example answers.
   *
   * @param systemProperties MicroProfile Config overrides, passed as {@code -Dkey=value}
   * @throws IllegalStateException when Payara exits, the deployment fails, or it takes too long;
   *     the message carries the log's error lines
   */
  public static PayaraMicro start(DemoPaths paths, int port, Map<String, String> systemProperties)
      throws IOException, InterruptedException {
    return start(paths, port, systemProperties, Map.of());
  }

  /**
   * Starts Payara Micro as {@link #start(DemoPaths, int, Map)} does, with extra environment
   * variables: the place for a client secret, which a {@code -D} option would show to {@code ps}.
   */
  public static PayaraMicro start(
      DemoPaths paths,
      int port,
      Map<String, String> systemProperties,
      Map<String, String> environment)
      throws IOException, InterruptedException {
    Path work = paths.workDir();
    Path root = work.resolve("payara-root");
    deleteRecursively(root); // --rootdir keeps configuration across restarts: start clean
    Files.createDirectories(work);
    Path log = work.resolve("payara.log");
    List<String> command = command(paths, port, root, systemProperties);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    Files.writeString(work.resolve("payara.pid"), Long.toString(process.pid()));
    PayaraMicro payara = new PayaraMicro(process, port, log);
    try {
      payara.awaitDeployed();
    } catch (IOException | InterruptedException | RuntimeException e) {
      payara.close();
      throw e;
    }
    return payara;
  }

  /** The example's start page. */
  public URI app() {
    return URI.create("http://127.0.0.1:" + port + CONTEXT_ROOT + "/");
  }

  /** The server's MicroProfile Metrics endpoint (Prometheus text). */
  public URI metrics() {
    return URI.create("http://127.0.0.1:" + port + "/metrics");
  }

  /** The process id, for the record. */
  public long pid() {
    return process.pid();
  }

  /** Whether the server process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The log file. */
  public Path log() {
    return log;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 30 s) and waits for it. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs (or ran) anyway
    }
    stop();
  }

  private void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static List<String> command(
      DemoPaths paths, int port, Path root, Map<String, String> systemProperties)
      throws IOException {
    Path config = paths.payaraConfig();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions(config.resolve("jvm-options.txt")));
    command.addAll(SMALL_HOST_OPTIONS);
    // The executors post-boot-commands.asadmin creates; the WAR names none (it also deploys on
    // WildFly, whose dedicated executors have other JNDI names).
    command.add("-Dtoken-refresh.executor=concurrent/tokenRefresh");
    command.add("-Dtoken-refresh.scheduled-executor=concurrent/tokenRefreshTimers");
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            paths.payaraMicro().toString(),
            "--deploy",
            paths.war().toString(),
            "--port",
            Integer.toString(port),
            "--interfaces",
            "127.0.0.1",
            "--clustermode",
            "tcpip:127.0.0.1:6900",
            "--clustername",
            "trf-demo-" + ProcessHandle.current().pid() + "-" + port,
            "--disablephonehome",
            "--rootdir",
            root.toString(),
            "--prebootcommandfile",
            config.resolve("pre-boot-commands.asadmin").toString(),
            "--postbootcommandfile",
            config.resolve("post-boot-commands.asadmin").toString()));
    return command;
  }

  /** The options of {@code jvm-options.txt}: one per line, {@code #} starts a comment. */
  static List<String> jvmOptions(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private void awaitDeployed() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited with " + process.exitValue() + "\n" + errors());
      }
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      if (text.contains("Payara Micro") && text.contains(" ready in ")) {
        if (probe() == 404) {
          throw new IllegalStateException("the example did not deploy\n" + errors());
        }
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "Payara Micro did not start within " + BOOT_TIMEOUT.toSeconds() + " s\n" + errors());
  }

  /** The status of {@code GET /example/api/me}: 401 when the example runs, 404 when it does not. */
  private int probe() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client
        .send(
            HttpRequest.newBuilder(app().resolve("api/me")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** The log's SEVERE records and exception lines, for a failure message. */
  private String errors() throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    String severe =
        lines.stream()
            .filter(l -> l.contains("SEVERE") || l.contains("Exception") || l.contains("Caused by"))
            .limit(40)
            .collect(Collectors.joining("\n"));
    return (severe.isEmpty()
            ? String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
            : severe)
        + "\n(full log: "
        + log
        + ")";
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
