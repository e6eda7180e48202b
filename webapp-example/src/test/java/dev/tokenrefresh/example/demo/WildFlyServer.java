package dev.tokenrefresh.example.demo;

import dev.tokenrefresh.testing.PayaraMicro;
import dev.tokenrefresh.testing.ServerProcess;
import dev.tokenrefresh.testing.WildFlyLaunch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A stock WildFly ({@code standalone-microprofile.xml}, only {@code wildfly-config/login.cli}'s one
 * attribute applied to it) in a child process, started with {@code bin/standalone.sh} as a user
 * starts it, every listener on 127.0.0.1 and every port shifted by an offset. The server's base
 * directory (configuration, deployments, data, log) is a fresh copy under the work directory, so
 * the unpacked distribution stays untouched and each start begins clean. WARs are deployed by its
 * deployment scanner: copied into {@code deployments/} and awaited through the {@code .deployed} /
 * {@code .failed} marker it writes. Not thread-safe; {@link #close()} stops the process.
 */
public final class WildFlyServer implements AutoCloseable {

  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

  private final WildFlyLaunch launch;
  private final ServerProcess process;

  private WildFlyServer(WildFlyLaunch launch) throws IOException {
    this.launch = launch;
    this.process = launch.start();
  }

  /**
   * What {@code wildfly-config/login.cli} does (the library's container tests apply that very
   * file): {@code integrated-jaspi=false} on the application security domain {@code other}, so that
   * the login mechanism's callers need not exist in an Elytron realm.
   */
  private static void allowTheLoginMechanism(Path config) throws IOException {
    String xml = Files.readString(config);
    String stock =
        "<application-security-domain name=\"other\" security-domain=\"ApplicationDomain\"/>";
    if (!xml.contains(stock)) {
      throw new IllegalStateException("no stock application-security-domain 'other' in " + config);
    }
    Files.writeString(
        config,
        xml.replace(
            stock,
            "<application-security-domain name=\"other\" security-domain=\"ApplicationDomain\""
                + " integrated-jaspi=\"false\"/>"));
  }

  /**
   * Starts WildFly and waits until its deployment scanner runs.
   *
   * @param home the unpacked distribution ({@code JBOSS_HOME})
   * @param workDir where the server's base directory and {@code wildfly.out} go
   * @param portOffset {@code jboss.socket.binding.port-offset}: HTTP on 8080 + offset
   * @param systemProperties MicroProfile Config overrides, passed as {@code -Dkey=value}
   */
  public static WildFlyServer start(
      Path home, Path workDir, int portOffset, Map<String, String> systemProperties)
      throws IOException, InterruptedException {
    Path base = workDir.resolve("standalone");
    PayaraMicro.deleteRecursively(base);
    WildFlyLaunch.copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
    allowTheLoginMechanism(base.resolve("configuration/standalone-microprofile.xml"));
    Files.createDirectories(base.resolve("deployments"));
    WildFlyLaunch launch =
        WildFlyLaunch.of(home, base)
            .console(workDir.resolve("wildfly.out"), false)
            .portOffset(portOffset)
            .systemProperties(systemProperties)
            // standalone.conf's are larger; C1 only and the serial collector: a small, shared host
            .jvmOptions(
                List.of(
                    "-Xms64m",
                    "-Xmx512m",
                    "-XX:MaxMetaspaceSize=256m",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-Djava.net.preferIPv4Stack=true"));
    WildFlyServer server = new WildFlyServer(launch);
    try {
      server.awaitLog("WFLYSRV0025", BOOT_TIMEOUT); // "WildFly ... started in"
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Deploys {@code war} under its own file name, unchanged, and waits for the scanner's verdict.
   *
   * @return the deployment's outcome: deployed, or failed with WildFly's reason
   */
  public Deployment deploy(Path war) throws IOException, InterruptedException {
    Path deployments = launch.deployments();
    String name = war.getFileName().toString();
    Path staged = deployments.resolve(name + ".part");
    Files.copy(war, staged, StandardCopyOption.REPLACE_EXISTING);
    Files.move(staged, deployments.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      requireAlive();
      if (Files.exists(deployments.resolve(name + ".deployed"))) {
        return new Deployment(name, true, "");
      }
      Path failed = deployments.resolve(name + ".failed");
      if (Files.exists(failed)) {
        return new Deployment(name, false, Files.readString(failed, StandardCharsets.UTF_8));
      }
      Thread.sleep(200); // polling a file the scanner writes; no event to wait on
    }
    throw new IllegalStateException(name + " neither deployed nor failed in " + BOOT_TIMEOUT);
  }

  /**
   * A deployment's outcome.
   *
   * @param name the WAR's file name; WildFly's context root is the name without {@code .war}
   * @param deployed whether it deployed
   * @param failure WildFly's reason when it failed (the {@code .failed} marker's text)
   */
  public record Deployment(String name, boolean deployed, String failure) {}

  /** The start page of a deployed WAR (its context root is its file name without {@code .war}). */
  public URI app(Deployment deployment) {
    String context = deployment.name().replaceFirst("\\.war$", "");
    return launch.uri("/" + context + "/");
  }

  /** Waits until {@code url} answers with something other than 404 (the context is up). */
  public void awaitAnswer(URI url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      requireAlive();
      try {
        HttpResponse<Void> answer =
            client.send(
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 404) {
          return;
        }
      } catch (IOException notYet) {
        // the listener is not up yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(url + " did not answer in " + BOOT_TIMEOUT);
  }

  /** The file the scanner deployed. */
  public Path file(Deployment deployment) {
    return launch.deployments().resolve(deployment.name());
  }

  /** The server log ({@code log/server.log} of the base directory). */
  public Path log() {
    return launch.serverLog();
  }

  /** The server log's text so far. */
  public String logText() throws IOException {
    return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
  }

  /** Stops the server (SIGTERM to the script and the JVM it started; SIGKILL after 60 s). */
  @Override
  public void close() {
    process.close();
  }

  private void awaitLog(String code, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      requireAlive();
      if (logText().contains(code)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("WildFly did not start in " + timeout + "; see " + log());
  }

  private void requireAlive() {
    if (!process.process().isAlive()) {
      throw new IllegalStateException(
          "WildFly exited with " + process.process().exitValue() + "; see " + log());
    }
  }
}
