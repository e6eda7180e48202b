package dev.tokenrefresh.it.cluster;

import dev.tokenrefresh.it.support.FailsafeProperty;
import dev.tokenrefresh.testing.WildFlyLaunch;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two WildFly 39 {@code standalone-ha} nodes on 127.0.0.1, from the WildFly the build unpacked
 * ({@code it.wildfly.home}), each in a server base folder of its own ({@code
 * -Djboss.server.base.dir}) with the same WARs in its deployments folder. Their configuration is
 * {@code standalone-microprofile-ha.xml} after the repository's CLI scripts, applied as written in
 * one offline CLI run: {@code wildfly-config/micrometer.cli}, {@code wildfly-config/cluster.cli}
 * (the module's cache) and {@code src/test/wildfly/cluster-nodes.cli} (TCPPING, FD_ALL3 tuned
 * short, the session cache's transactions). Node names {@code node-0}, {@code node-1}; ports
 * shifted by the offsets given. Small heaps, C1 only, the serial collector. Stopped when the test
 * JVM exits, whatever happens. Not thread-safe.
 */
final class WildFlyCluster implements ClusterNodes {

  static final String SERVER_CONFIG = "standalone-microprofile-ha.xml";

  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx384m",
          "-XX:MaxMetaspaceSize=256m",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-XX:ActiveProcessorCount=2",
          "-Djava.net.preferIPv4Stack=true");

  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
  private static final int JGROUPS_TCP = 7600;

  private final List<WildFlyNode> nodes;
  private final Thread stopOnExit;

  private WildFlyCluster(List<WildFlyNode> nodes) {
    this.nodes = nodes;
    this.stopOnExit = new Thread(this::stopAll, "stop-wildfly-cluster");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Configures, starts both nodes at once with {@code wars} deployed, and waits until both are
   * ready.
   *
   * @param offsets each node's port offset
   * @param sessionTransactions the session cache's transaction mode: {@code NONE} (relaxed session
   *     concurrency) or {@code BATCH} (WildFly's default, the cluster-wide session lock)
   * @param work the folder for the nodes' base folders and logs
   */
  static WildFlyCluster start(
      List<Integer> offsets, String sessionTransactions, List<File> wars, Path work)
      throws IOException, InterruptedException {
    Path home = Path.of(FailsafeProperty.required("it.wildfly.home"));
    Path repo = FailsafeProperty.path("it.basedir", ".");
    Path config = work.resolve("configuration");
    configure(
        home,
        config,
        List.of(
            repo.resolve("wildfly-config/micrometer.cli"),
            repo.resolve("wildfly-config/cluster.cli"),
            repo.resolve("src/test/wildfly/cluster-nodes.cli")),
        work);
    List<WildFlyNode> nodes = new ArrayList<>();
    for (int i = 0; i < offsets.size(); i++) {
      Path base = work.resolve("node-" + i);
      WildFlyLaunch.copyTree(config, base.resolve("configuration"));
      Files.createDirectories(base.resolve("deployments"));
      for (File war : wars) {
        Files.copy(
            war.toPath(),
            base.resolve("deployments").resolve(war.getName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("jboss.node.name", "node-" + i);
      properties.put("trf.session.transaction", sessionTransactions);
      for (int p = 0; p < offsets.size(); p++) {
        properties.put("trf.peer." + p + ".port", Integer.toString(JGROUPS_TCP + offsets.get(p)));
      }
      nodes.add(
          new WildFlyNode(
              "node-" + i,
              WildFlyLaunch.of(home, base)
                  .serverConfig(SERVER_CONFIG)
                  .portOffset(offsets.get(i))
                  .systemProperties(properties)
                  .jvmOptions(JVM_OPTIONS)
                  .inBackground()
                  // a restart appends to the same log
                  .console(base.resolve("console.log"), true)
                  .stopping("node-" + i, Duration.ofSeconds(20))));
    }
    WildFlyCluster cluster = new WildFlyCluster(nodes);
    try {
      for (WildFlyNode node : nodes) {
        node.start();
      }
      for (WildFlyNode node : nodes) {
        node.awaitReady(BOOT_TIMEOUT);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  @Override
  public List<Node> nodes() {
    return nodes.stream().map(n -> new Node(n::base, n.metrics(), n::isAlive, n::kill)).toList();
  }

  /** Starts a killed node again with its command line and waits until it is ready. */
  @Override
  public void restart(int node) throws IOException, InterruptedException {
    WildFlyNode n = nodes.get(node);
    n.start();
    n.awaitReady(BOOT_TIMEOUT);
  }

  /** Stops every node. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs (or ran) anyway
    }
    stopAll();
  }

  private void stopAll() {
    nodes.forEach(WildFlyNode::close);
  }

  /**
   * Copies the server's configuration folder to {@code config} and applies {@code scripts} to it in
   * one offline CLI run (each script embeds the server and stops it again).
   */
  private static void configure(Path home, Path config, List<Path> scripts, Path work)
      throws IOException, InterruptedException {
    WildFlyLaunch.copyTree(home.resolve("standalone/configuration"), config);
    Path all = work.resolve("configure.cli");
    StringBuilder text = new StringBuilder();
    for (Path s : scripts) {
      text.append(Files.readString(s, StandardCharsets.UTF_8)).append('\n');
    }
    Files.writeString(all, text, StandardCharsets.UTF_8);
    Path log = work.resolve("configure.log");
    ProcessBuilder cliProcess =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djboss.home.dir=" + home,
                "-Djboss.cli.config=" + home.resolve("bin/jboss-cli.xml"),
                "-Djboss.server.config.dir=" + config,
                "-Dtrf.server-config=" + SERVER_CONFIG,
                "-Dlogging.configuration=file:" + home.resolve("bin/jboss-cli-logging.properties"),
                "-jar",
                home.resolve("jboss-modules.jar").toString(),
                "-mp",
                home.resolve("modules").toString(),
                "org.jboss.as.cli",
                "--file=" + all)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    cliProcess.environment().put("JBOSS_HOME", home.toString());
    Process cli = cliProcess.start();
    if (!cli.waitFor(3, TimeUnit.MINUTES) || cli.exitValue() != 0) {
      cli.destroyForcibly();
      throw new IllegalStateException(
          "configuring WildFly failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
  }

  @Override
  public String toString() {
    return "WildFlyCluster" + nodes;
  }
}
