package dev.tokenrefresh.bench.throughput;

import dev.tokenrefresh.testing.PayaraMicro;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Payara Micro with every WAR in one process, on a free loopback port, without clustering, started
 * by the library's shared launcher. Not thread-safe.
 */
final class PayaraServer implements BenchServer {

  private final PayaraMicro payara;

  private PayaraServer(PayaraMicro payara) {
    this.payara = payara;
  }

  static PayaraServer start(Options o, Path dir, List<Path> wars)
      throws IOException, InterruptedException {
    PayaraMicro.Launch launch =
        PayaraMicro.launch(o.payaraJar(), dir)
            .port(freePort())
            .jvmOptions(o.jvmOptions(dir))
            .serverOptions(
                "--nocluster",
                "--disablephonehome",
                "--prebootcommandfile",
                o.preBootCommands().toString(),
                "--unpackdir",
                dir.resolve("unpack").toString());
    for (Path war : wars) {
      String context = war.getFileName().toString().replace(".war", "");
      launch.deploy(war, "/" + context + "/api/me");
    }
    return new PayaraServer(launch.start());
  }

  @Override
  public URI uri(String path) {
    return payara.uri(path);
  }

  @Override
  public long pid() {
    return payara.pid();
  }

  @Override
  public void close() {
    payara.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
