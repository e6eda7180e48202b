package dev.tokenrefresh.testing;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payara Micro in a child process on 127.0.0.1: the one launcher that the example's demo and
 * end-to-end tests and the throughput benchmark share (this library's test-jar). The caller names
 * the jar, the WARs, the JVM and server options; {@link #start()} waits until Payara reports it is
 * ready and every probe path answers with something other than 404. Output goes to {@code
 * payara.log} in the work directory, the process id to {@code payara.pid}. A shutdown hook stops
 * the server should this JVM exit first. Not thread-safe; {@link #close()} stops the process.
 */
public final class PayaraMicro implements AutoCloseable {

  private final ServerProcess server;
  private final int port;
  private final Path log;

  private PayaraMicro(Process process, int port, Path log) {
    this.server = ServerProcess.of(process, "payara-micro", Duration.ofSeconds(60));
    this.port = port;
    this.log = log;
  }

  /** A launch of the Payara Micro {@code jar}, writing into {@code workDir}. */
  public static Launch launch(Path jar, Path workDir) {
    return new Launch(jar, workDir);
  }

  /** The address of {@code path} (starting with {@code /}) on this server. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The process id, for the record (and for {@code jcmd}). */
  public long pid() {
    return server.process().pid();
  }

  /** Whether the server process still runs. */
  public boolean isAlive() {
    return server.process().isAlive();
  }

  /** The log file. */
  public Path log() {
    return log;
  }

  /**
   * Stops the server (SIGTERM, so that Payara shuts down and a flight recording is written; SIGKILL
   * after 60 s) and waits for it.
   */
  @Override
  public void close() {
    server.close();
  }

  /**
   * {@code kill -9}: no shutdown hook, no goodbye to a data grid (a crashed node, as a fault test
   * needs it); waits until the process is gone.
   *
   * @throws IllegalStateException when the process outlives SIGKILL by 30 s
   */
  public void kill() throws InterruptedException {
    server.kill();
  }

  /** What to start; every setter returns this launch. Not thread-safe. */
  public static final class Launch {
    private final Path jar;
    private final Path workDir;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> serverOptions = new ArrayList<>();
    private final List<String> probes = new ArrayList<>();
    private Duration bootTimeout = Duration.ofMinutes(4);
    private int port = 8080;

    private Launch(Path jar, Path workDir) {
      this.jar = jar;
      this.workDir = workDir;
    }

    /** The HTTP port (Payara binds it to the address its pre-boot commands name). */
    public Launch port(int port) {
      this.port = port;
      return this;
    }

    /** Options of Payara's JVM, before {@code -jar}. */
    public Launch jvmOptions(List<String> options) {
      jvmOptions.addAll(options);
      return this;
    }

    /** MicroProfile Config overrides, passed as {@code -Dkey=value}. */
    public Launch systemProperties(Map<String, String> properties) {
      systemProperties.putAll(properties);
      return this;
    }

    /** Environment variables: the place for a secret, which a {@code -D} option shows to ps. */
    public Launch environment(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /** Payara Micro's own options, after the jar ({@code --nocluster}, command files...). */
    public Launch serverOptions(String... options) {
      serverOptions.addAll(List.of(options));
      return this;
    }

    /** Deploys {@code war}; the server counts as up once {@code probePath} is not a 404. */
    public Launch deploy(Path war, String probePath) {
      serverOptions.add("--deploy");
      serverOptions.add(war.toString());
      probes.add(probePath);
      return this;
    }

    /** How long Payara may take to boot and deploy. */
    public Launch bootTimeout(Duration timeout) {
      this.bootTimeout = timeout;
      return this;
    }

    /**
     * Starts Payara Micro and waits until it is ready and every deployment answers.
     *
     * @throws IllegalStateException when Payara exits, a deployment fails, or it takes too long;
     *     the message carries the log's error lines
     */
    public PayaraMicro start() throws IOException, InterruptedException {
      Files.createDirectories(workDir);
      Path log = workDir.resolve("payara.log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port)));
      command.addAll(serverOptions);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      Files.writeString(workDir.resolve("payara.pid"), Long.toString(process.pid()));
      PayaraMicro payara = new PayaraMicro(process, port, log);
      try {
        new Boot(payara, bootTimeout).await(probes);
      } catch (IOException | InterruptedException | RuntimeException e) {
        payara.close();
        throw e;
      }
      return payara;
    }
  }

  /** Waits for one server's start and explains a failed one. */
  private record Boot(PayaraMicro payara, Duration timeout) {

    void await(List<String> probes) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (!payara.isAlive()) {
          throw new IllegalStateException(
              "Payara Micro exited with " + payara.server.process().exitValue() + "\n" + errors());
        }
        Path log = payara.log;
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        if (text.contains("Payara Micro") && text.contains(" ready in ")) {
          for (String path : probes) {
            if (status(payara.uri(path)) == 404) {
              throw new IllegalStateException(path + " did not deploy\n" + errors());
            }
          }
          return;
        }
        Thread.sleep(500);
      }
      throw new IllegalStateException(
          "Payara Micro did not start within " + timeout.toSeconds() + " s\n" + errors());
    }

    private static int status(URI uri) throws IOException, InterruptedException {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      return client
          .send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }

    /** The log's SEVERE records and exception lines, or its last lines, for a failure message. */
    private String errors() throws IOException {
      Path log = payara.log;
      if (!Files.exists(log)) {
        return "(no log)";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      String severe =
          lines.stream()
              .filter(
                  l -> l.contains("SEVERE") || l.contains("Exception") || l.contains("Caused by"))
              .limit(40)
              .collect(Collectors.joining("\n"));
      return (severe.isEmpty()
              ? String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
              : severe)
          + "\n(full log: "
          + log
          + ")";
    }
  }

  /**
   * Deletes {@code dir} and everything in it, if it exists (a {@code --rootdir} to start clean).
   */
  public static void deleteRecursively(Path dir) throws IOException {
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
