package dev.tokenrefresh.bench.throughput;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs wrk against one URL with a fixed number of threads and keep-alive connections, every request
 * carrying the session cookie; under {@code taskset} when the run is pinned. Not thread-safe.
 *
 * @param threads wrk's {@code -t}
 * @param connections wrk's {@code -c}
 * @param pinning where wrk runs, or null to let the kernel choose
 */
record Wrk(int threads, int connections, CpuPinning pinning) {

  /** The arguments, for the report (without the URL and the cookie). */
  String describe(Duration duration) {
    return (pinning == null ? "" : String.join(" ", pinning.wrkPrefix()) + " ")
        + "wrk -t"
        + threads
        + " -c"
        + connections
        + " -d"
        + duration.toSeconds()
        + "s --latency";
  }

  /** Runs wrk for {@code duration}; fails when wrk fails. */
  WrkResult run(URI url, String cookie, Duration duration)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (pinning != null) {
      command.addAll(pinning.wrkPrefix());
    }
    command.addAll(
        List.of(
            "wrk",
            "-t" + threads,
            "-c" + connections,
            "-d" + duration.toSeconds() + "s",
            "--latency",
            "-H",
            "Cookie: " + cookie,
            url.toString()));
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    return WrkResult.parse(out);
  }
}
