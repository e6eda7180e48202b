package dev.tokenrefresh.it.cluster;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * N Payara Micro processes clustered over TCP on 127.0.0.1, each with the same WARs, as {@code
 * payara-config/cluster/README.md} tells a user to run them: {@code --clustermode tcpip:} with
 * every member's data-grid port, a cluster name of this build's own (never another build's
 * cluster), {@code --nohostaware} so that the members on one host back each other's partitions up
 * (without it a killed member's sessions are lost), and every listener on 127.0.0.1 (HTTP by the
 * pre-boot command, the data grid by {@code --interfaces} and {@code hazelcast.socket.bind.any}).
 * Logs go to {@code <work>/node-N.log}. Stopped when the test JVM exits, whatever happens. Not
 * thread-safe.
 */
final class MicroCluster implements AutoCloseable {

  /** Small heaps, C1 only and the serial collector: two servers on a shared 2-core machine. */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xmx384m",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Dhazelcast.socket.bind.any=false");

  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

  private final List<MicroNode> nodes;
  private final Thread stopOnExit;

  private MicroCluster(List<MicroNode> nodes) {
    this.nodes = nodes;
    this.stopOnExit = new Thread(this::stopAll, "stop-micro-cluster");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Starts {@code size} nodes at once with {@code wars} deployed and waits until all are ready.
   *
   * @param clusterName the data grid's cluster name, unique to this build
   * @param work the folder for logs and Payara's files
   */
  static MicroCluster start(int size, String clusterName, List<File> wars, Path work)
      throws IOException, InterruptedException {
    Path jar = Path.of(property("payara.microJar"));
    Path preBoot = Path.of(property("it.cluster.pre-boot"));
    List<Integer> gridPorts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      gridPorts.add(freePort());
    }
    String members = gridPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    List<MicroNode> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Path dir = work.resolve("node-" + i);
      Files.createDirectories(dir.resolve("unpack"));
      Files.createDirectories(dir.resolve("root"));
      int http = freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.addAll(
          List.of(
              "-jar",
              jar.toString(),
              "--port",
              Integer.toString(http),
              "--interfaces",
              "127.0.0.1",
              "--clustermode",
              "tcpip:" + members,
              "--startport",
              Integer.toString(gridPorts.get(i)),
              "--clustername",
              clusterName,
              "--nohostaware",
              "--disablephonehome",
              "--name",
              "node-" + i,
              "--rootdir",
              dir.resolve("root").toString(),
              "--unpackdir",
              dir.resolve("unpack").toString(),
              "--prebootcommandfile",
              preBoot.toString()));
      for (File war : wars) {
        command.add("--deploy");
        command.add(war.getAbsolutePath());
      }
      nodes.add(new MicroNode("node-" + i, command, http, work.resolve("node-" + i + ".log")));
    }
    MicroCluster cluster = new MicroCluster(nodes);
    try {
      for (MicroNode node : nodes) {
        node.start();
      }
      for (MicroNode node : nodes) {
        node.awaitReady(BOOT_TIMEOUT);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Node {@code i}. */
  MicroNode node(int i) {
    return nodes.get(i);
  }

  int size() {
    return nodes.size();
  }

  /** Starts a killed node again with its command line and waits until it is ready. */
  void restart(int i) throws IOException, InterruptedException {
    MicroNode node = nodes.get(i);
    node.start();
    node.awaitReady(BOOT_TIMEOUT);
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
    nodes.forEach(MicroNode::close);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static String property(String name) {
    return Objects.requireNonNull(
        System.getProperty(name), "system property " + name + " (set by failsafe)");
  }

  @Override
  public String toString() {
    return "MicroCluster" + nodes;
  }
}
