package dev.tokenrefresh.bench.throughput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The servers the benchmark runs the same WARs on, one after the other, never at once. */
enum ServerKind {
  /** Payara Micro 6, through the library's shared {@code PayaraMicro} launcher. */
  PAYARA("payara", "Payara Micro"),
  /** WildFly 39 with {@code standalone-microprofile.xml}. */
  WILDFLY("wildfly", "WildFly");

  private final String id;
  private final String title;

  ServerKind(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** The name on the command line ({@code --server}), in the CSV and as the work folder's name. */
  String id() {
    return id;
  }

  /** The name in the report. */
  String title() {
    return title;
  }

  /**
   * Starts this server with {@code wars} deployed, working in {@code dir}; returns when all answer.
   */
  BenchServer start(Options o, Path dir, List<Path> wars) throws IOException, InterruptedException {
    return switch (this) {
      case PAYARA -> PayaraServer.start(o, dir, wars);
      case WILDFLY ->
          WildFlyStandalone.start(
              o.wildflyHome(), dir, o.wildflyPortOffset(), o.jvmOptions(dir), wars);
    };
  }

  /** The kind named {@code id}. */
  static ServerKind of(String id) {
    for (ServerKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no server '" + id + "': payara or wildfly");
  }
}
