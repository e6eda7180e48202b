package dev.tokenrefresh.example.demo;

import dev.tokenrefresh.testing.PayaraMicro;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The example on Payara Micro, started the way {@code payara-config/README.md} tells a user to: the
 * JVM options of {@code jvm-options.txt} (which name the executors the post-boot commands create:
 * the WAR names none), the pre- and post-boot command files, and every listener on 127.0.0.1 (HTTP
 * by the pre-boot command, the data grid by {@code --interfaces} and {@code
 * hazelcast.socket.bind.any=false}). Started by the library's shared {@link PayaraMicro} launcher.
 * Not thread-safe; {@link #close()} stops the process.
 */
public final class ExampleServer implements AutoCloseable {

  /** The example's context root (its {@code WEB-INF/payara-web.xml}). */
  public static final String CONTEXT_ROOT = "/example";

  /**
   * Only for the demo and the test on a shared 2-core machine: a C1-only JIT and the serial
   * collector boot faster and use less CPU for a short-lived server. Not advice for production.
   */
  private static final List<String> SMALL_HOST_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final PayaraMicro payara;

  private ExampleServer(PayaraMicro payara) {
    this.payara = payara;
  }

  /**
   * Starts Payara Micro with the example deployed and waits until the example answers.
   *
   * @param systemProperties MicroProfile Config overrides, passed as {@code -Dkey=value}
   * @throws IllegalStateException when Payara exits, the deployment fails, or it takes too long;
   *     the message carries the log's error lines
   */
  public static ExampleServer start(DemoPaths paths, int port, Map<String, String> systemProperties)
      throws IOException, InterruptedException {
    return start(paths, port, systemProperties, Map.of());
  }

  /**
   * Starts Payara Micro as {@link #start(DemoPaths, int, Map)} does, with extra environment
   * variables: the place for a client secret, which a {@code -D} option would show to {@code ps}.
   */
  public static ExampleServer start(
      DemoPaths paths,
      int port,
      Map<String, String> systemProperties,
      Map<String, String> environment)
      throws IOException, InterruptedException {
    Grid alone =
        new Grid("trf-demo-" + ProcessHandle.current().pid() + "-" + port, 6900, List.of());
    return start(paths, port, systemProperties, environment, alone, Map.of());
  }

  /**
   * A member of a data grid on 127.0.0.1, as {@code payara-config/cluster-micro.sh} starts one.
   *
   * @param clusterName the grid's name, unique to this run (never another run's grid)
   * @param startPort this member's data-grid port
   * @param members every member's data-grid port; empty: a grid of its own (no cluster)
   */
  public record Grid(String clusterName, int startPort, List<Integer> members) {

    /** Copies the list. */
    public Grid {
      members = List.copyOf(members);
    }

    List<String> options(String nodeName) {
      List<String> options = new ArrayList<>();
      options.add("--clustermode");
      if (members.isEmpty()) {
        options.add("tcpip:127.0.0.1:" + startPort);
      } else {
        options.add(
            "tcpip:"
                + members.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(",")));
        // Members on one host back each other's partitions up only without host awareness.
        options.addAll(List.of("--startport", Integer.toString(startPort), "--nohostaware"));
        options.addAll(List.of("--name", nodeName));
      }
      options.addAll(List.of("--clustername", clusterName));
      return options;
    }
  }

  /**
   * Starts one member of {@code grid} with the example and {@code moreWars} deployed (each probed
   * at its {@code api/me} under the context root in the map's key), its files in {@code
   * paths.workDir()}.
   */
  public static ExampleServer start(
      DemoPaths paths,
      int port,
      Map<String, String> systemProperties,
      Map<String, String> environment,
      Grid grid,
      Map<String, Path> moreWars)
      throws IOException, InterruptedException {
    Path config = paths.payaraConfig();
    Path root = paths.workDir().resolve("payara-root");
    PayaraMicro.deleteRecursively(root); // --rootdir keeps configuration across restarts
    List<String> jvmOptions = new ArrayList<>(jvmOptions(config.resolve("jvm-options.txt")));
    jvmOptions.addAll(SMALL_HOST_OPTIONS);
    PayaraMicro.Launch launch =
        PayaraMicro.launch(paths.payaraMicro(), paths.workDir())
            .port(port)
            .jvmOptions(jvmOptions)
            .systemProperties(systemProperties)
            .environment(environment)
            .deploy(paths.war(), CONTEXT_ROOT + "/api/me");
    for (Map.Entry<String, Path> war : moreWars.entrySet()) {
      launch.deploy(war.getValue(), war.getKey() + "/api/me");
    }
    launch
        .serverOptions("--interfaces", "127.0.0.1")
        .serverOptions(grid.options("node-" + port).toArray(String[]::new))
        .serverOptions(
            "--disablephonehome",
            "--rootdir",
            root.toString(),
            "--prebootcommandfile",
            config.resolve("pre-boot-commands.asadmin").toString(),
            "--postbootcommandfile",
            config.resolve("post-boot-commands.asadmin").toString());
    return new ExampleServer(launch.start());
  }

  /** The example's start page. */
  public URI app() {
    return payara.uri(CONTEXT_ROOT + "/");
  }

  /** The server's MicroProfile Metrics endpoint (Prometheus text). */
  public URI metrics() {
    return payara.uri("/metrics");
  }

  /** The process id, for the record. */
  public long pid() {
    return payara.pid();
  }

  /** Whether the server process still runs. */
  public boolean isAlive() {
    return payara.isAlive();
  }

  /** The log file. */
  public Path log() {
    return payara.log();
  }

  /** Stops the server and waits for it. */
  @Override
  public void close() {
    payara.close();
  }

  /** The options of {@code jvm-options.txt}: one per line, {@code #} starts a comment. */
  static List<String> jvmOptions(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }
}
