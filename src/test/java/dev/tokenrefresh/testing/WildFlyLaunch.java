package dev.tokenrefresh.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * WildFly started from its unpacked distribution as a user starts it, {@code bin/standalone.sh -c
 * <config>}, with a server base directory of its own ({@code jboss.server.base.dir}), the public,
 * management and private interfaces on 127.0.0.1 and every port shifted by an offset: the one
 * launcher that the example's end-to-end test, the throughput benchmark and the library's cluster
 * tests share (this library's test-jar), as {@link PayaraMicro} is for Payara Micro. The caller
 * prepares the base directory (configuration, deployments) and waits for the server in its own way
 * (a log line, the deployment scanner's markers); this class builds the command line and the
 * environment ({@code JBOSS_HOME}, {@code JAVA_HOME} of this JVM, {@code JAVA_OPTS}) and starts the
 * process, as often as asked (a restart after a kill). Not thread-safe.
 */
public final class WildFlyLaunch {

  private static final String LOOPBACK = "127.0.0.1";

  private final Path home;
  private final Path base;
  private String serverConfig = "standalone-microprofile.xml";
  private int portOffset;
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private boolean inBackground;
  private Path console;
  private boolean appendConsole;
  private String name = "wildfly";
  private Duration stopGrace = Duration.ofSeconds(60);

  private WildFlyLaunch(Path home, Path base) {
    this.home = home;
    this.base = base;
    this.console = base.resolveSibling("wildfly.out");
  }

  /**
   * A launch of the distribution unpacked in {@code home} ({@code JBOSS_HOME}) on the server base
   * directory {@code base}.
   */
  public static WildFlyLaunch of(Path home, Path base) {
    return new WildFlyLaunch(home, base);
  }

  /**
   * The server configuration file in the base directory's {@code configuration/} ({@code -c});
   * {@code standalone-microprofile.xml} unless set.
   */
  public WildFlyLaunch serverConfig(String file) {
    this.serverConfig = file;
    return this;
  }

  /**
   * {@code jboss.socket.binding.port-offset}: HTTP on 8080 + offset, management on 9990 + offset.
   */
  public WildFlyLaunch portOffset(int offset) {
    this.portOffset = offset;
    return this;
  }

  /** Further system properties, passed to the server as {@code -Dkey=value} in this order. */
  public WildFlyLaunch systemProperties(Map<String, String> properties) {
    systemProperties.putAll(properties);
    return this;
  }

  /** The server JVM's options, as {@code JAVA_OPTS}: in place of {@code standalone.conf}'s. */
  public WildFlyLaunch jvmOptions(List<String> options) {
    jvmOptions.addAll(options);
    return this;
  }

  /**
   * {@code LAUNCH_JBOSS_IN_BACKGROUND}: the script starts the JVM in the background, relays the
   * signals it gets to it and waits for it.
   */
  public WildFlyLaunch inBackground() {
    this.inBackground = true;
    return this;
  }

  /**
   * Where the console output goes ({@code wildfly.out} beside the base directory unless set).
   *
   * @param append whether each start appends to the file (a restarted server's one log) rather than
   *     replacing it
   */
  public WildFlyLaunch console(Path file, boolean append) {
    this.console = file;
    this.appendConsole = append;
    return this;
  }

  /**
   * The server's name, for the shutdown hook's thread, and how long {@link ServerProcess#close()}
   * waits after SIGTERM before it sends SIGKILL ({@code wildfly} and 60 s unless set).
   */
  public WildFlyLaunch stopping(String name, Duration grace) {
    this.name = name;
    this.stopGrace = grace;
    return this;
  }

  /** The server base directory. */
  public Path base() {
    return base;
  }

  /** The deployment scanner's folder in the base directory. */
  public Path deployments() {
    return base.resolve("deployments");
  }

  /** The server log, {@code log/server.log} of the base directory. */
  public Path serverLog() {
    return base.resolve("log/server.log");
  }

  /** The console output file. */
  public Path console() {
    return console;
  }

  /** The port offset. */
  public int portOffset() {
    return portOffset;
  }

  /** The address of {@code path} (starting with {@code /}) on the HTTP port, 8080 + offset. */
  public URI uri(String path) {
    return URI.create("http://" + LOOPBACK + ":" + (8080 + portOffset) + path);
  }

  /** The address of {@code path} on the management port, 9990 + offset ({@code /prometheus}). */
  public URI managementUri(String path) {
    return URI.create("http://" + LOOPBACK + ":" + (9990 + portOffset) + path);
  }

  /** {@code standalone.sh} and its arguments. */
  public List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/standalone.sh").toString());
    command.addAll(
        List.of(
            "-c",
            serverConfig,
            "-Djboss.server.base.dir=" + base,
            // the server's own options for jboss.bind.address, .management and .private
            "-b=" + LOOPBACK,
            "-bmanagement=" + LOOPBACK,
            "-bprivate=" + LOOPBACK,
            "-Djboss.socket.binding.port-offset=" + portOffset));
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    return command;
  }

  /** The variables this launch sets in {@code standalone.sh}'s environment. */
  public Map<String, String> environment() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("JBOSS_HOME", home.toString());
    variables.put("JAVA_HOME", System.getProperty("java.home"));
    if (!jvmOptions.isEmpty()) {
      variables.put("JAVA_OPTS", String.join(" ", jvmOptions));
    }
    if (inBackground) {
      variables.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
    }
    return variables;
  }

  /**
   * Starts {@code standalone.sh} and returns at once; the caller waits for the server as it needs.
   * Can be called again once the process is gone (a restart after a kill).
   */
  public ServerProcess start() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command())
            .redirectErrorStream(true)
            .redirectOutput(
                appendConsole
                    ? ProcessBuilder.Redirect.appendTo(console.toFile())
                    : ProcessBuilder.Redirect.to(console.toFile()));
    builder.environment().putAll(environment());
    return ServerProcess.of(builder.start(), name, stopGrace);
  }

  /**
   * Copies the folder {@code from} with everything in it into {@code to} (a server's configuration
   * into a fresh base directory), replacing files that exist.
   */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
