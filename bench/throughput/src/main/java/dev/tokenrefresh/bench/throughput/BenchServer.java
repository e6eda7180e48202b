package dev.tokenrefresh.bench.throughput;

import java.net.URI;

/** A started server with the benchmark's WARs: where it answers and which JVM to measure. */
interface BenchServer extends AutoCloseable {

  /** The address of {@code path} (starting with {@code /}) on this server. */
  URI uri(String path);

  /** The server JVM's process id, whose CPU time is measured and which is pinned. */
  long pid();

  /** Stops the server and waits until it is gone. */
  @Override
  void close();
}
