package dev.tokenrefresh.it.cluster;

import dev.tokenrefresh.it.support.FailsafeProperty;
import dev.tokenrefresh.testing.ParallelStart;
import dev.tokenrefresh.testing.PayaraMicro;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * N Payara Micro processes ({@link PayaraMicro}, the shared launcher) clustered over TCP on
 * 127.0.0.1, each with the same WARs, as {@code payara-config/cluster-micro.sh} runs them: {@code
 * --clustermode tcpip:} with every member's data-grid port, a cluster name of this build's own
 * (never another build's cluster), {@code --nohostaware} so that the members on one host back each
 * other's partitions up (without it a killed member's sessions are lost), the module's dedicated
 * executors ({@code payara-config/post-boot-commands.asadmin}), and every listener on 127.0.0.1
 * (HTTP by the pre-boot command, the data grid by {@code --interfaces} and {@code
 * hazelcast.socket.bind.any}). Logs go to {@code <work>/node-N/payara.log}; a killed node's log is
 * kept as {@code payara-killed-K.log} when it restarts. Not thread-safe.
 */
final class MicroCluster implements ClusterNodes {

  /** Small heaps, C1 only and the serial collector: two servers on a shared 2-core machine. */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xmx384m",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Dhazelcast.socket.bind.any=false");

  private final List<PayaraMicro.Launch> launches;
  private final List<Path> dirs;
  private final List<PayaraMicro> running;
  private int restarts;

  private MicroCluster(List<PayaraMicro.Launch> launches, List<Path> dirs) {
    this.launches = launches;
    this.dirs = dirs;
    this.running = new ArrayList<>();
  }

  /**
   * Starts {@code size} nodes with {@code wars} deployed and waits until all serve them.
   *
   * @param clusterName the data grid's cluster name, unique to this build
   * @param work the folder for logs and Payara's files
   */
  static MicroCluster start(int size, String clusterName, List<File> wars, Path work)
      throws IOException, InterruptedException {
    Path jar = Path.of(FailsafeProperty.required("payara.microJar"));
    List<Integer> gridPorts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      gridPorts.add(freePort());
    }
    String members = gridPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    List<PayaraMicro.Launch> launches = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Path dir = work.resolve("node-" + i);
      PayaraMicro.deleteRecursively(dir); // --rootdir keeps configuration across runs
      Files.createDirectories(dir.resolve("unpack"));
      Files.createDirectories(dir.resolve("root"));
      PayaraMicro.Launch launch =
          PayaraMicro.launch(jar, dir)
              .port(freePort())
              .jvmOptions(JVM_OPTIONS)
              .serverOptions(
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
                  FailsafeProperty.path(
                          "it.cluster.pre-boot", "src/test/payara/pre-boot-commands.txt")
                      .toString(),
                  "--postbootcommandfile",
                  FailsafeProperty.path(
                          "it.cluster.post-boot", "payara-config/post-boot-commands.asadmin")
                      .toString());
      for (File war : wars) {
        String context = war.getName().replaceFirst("\\.war$", "");
        launch.deploy(war.toPath(), "/" + context + "/echo");
      }
      launches.add(launch);
      dirs.add(dir);
    }
    MicroCluster cluster = new MicroCluster(launches, dirs);
    try {
      cluster.startAll();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Starts every node at once and waits for all. */
  private void startAll() {
    List<ParallelStart.Start<PayaraMicro>> starts = new ArrayList<>();
    for (PayaraMicro.Launch launch : launches) {
      starts.add(launch::start);
    }
    running.addAll(ParallelStart.all(starts));
  }

  @Override
  public List<Node> nodes() {
    return running.stream()
        .map(
            micro ->
                new Node(
                    context -> micro.uri("/" + context + "/"),
                    micro.uri("/metrics"),
                    micro::isAlive,
                    micro::kill))
        .toList();
  }

  @Override
  public void restart(int node) throws IOException, InterruptedException {
    if (running.get(node).isAlive()) {
      throw new IllegalStateException("node " + node + " runs");
    }
    Path log = dirs.get(node).resolve("payara.log");
    if (Files.exists(log)) {
      Files.move(
          log,
          dirs.get(node).resolve("payara-killed-" + ++restarts + ".log"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    running.set(node, launches.get(node).start());
  }

  @Override
  public void close() {
    running.forEach(PayaraMicro::close);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  @Override
  public String toString() {
    return "MicroCluster" + dirs;
  }
}
