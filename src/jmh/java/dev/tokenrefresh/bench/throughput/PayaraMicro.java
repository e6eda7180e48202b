package dev.tokenrefresh.bench.throughput;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process with the benchmark's WARs, listening on a loopback port only, without
 * clustering. Its output goes to {@code payara.log} in the work folder. Not thread-safe.
 */
final class PayaraMicro implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Process process;
  private final int port;

  private PayaraMicro(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts Payara Micro and returns once every context answers.
   *
   * @param jvmOptions options of Payara's JVM (heap, collector, a flight recording)
   */
  static PayaraMicro start(
      Path jar,
      Path preBootCommands,
      List<File> wars,
      int port,
      Path workDir,
      List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--nocluster",
            "--disablephonehome",
            "--port",
            Integer.toString(port),
            "--prebootcommandfile",
            preBootCommands.toString(),
            "--unpackdir",
            workDir.resolve("unpack").toString()));
    for (File war : wars) {
      command.add("--deploy");
      command.add(war.toString());
    }
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("payara.log").toFile())
            .start();
    PayaraMicro payara = new PayaraMicro(process, port);
    try {
      for (File war : wars) {
        payara.awaitContext(war.getName().replace(".war", ""));
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      payara.close();
      throw e;
    }
    return payara;
  }

  /** The base address of a context, e.g. {@code http://127.0.0.1:port/plain}. */
  URI base(String context) {
    return URI.create("http://127.0.0.1:" + port + "/" + context);
  }

  /** Process id, for the report (and for {@code jcmd}). */
  long pid() {
    return process.pid();
  }

  private void awaitContext(String context) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest probe = HttpRequest.newBuilder(base(context).resolve(context + "/api/me")).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited; see payara.log");
      }
      try {
        int status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 401) { // the servlet's answer without a session: deployed
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "context /" + context + " not up after " + START_TIMEOUT + "; see payara.log");
  }

  /** Stops the server (SIGTERM, so that a flight recording is written), then kills it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
