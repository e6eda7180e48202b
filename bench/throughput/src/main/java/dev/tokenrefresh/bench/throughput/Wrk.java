package dev.tokenrefresh.bench.throughput;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Runs wrk against one URL with a fixed number of threads and keep-alive connections, every request
 * carrying the session cookie. Not thread-safe.
 *
 * @param threads wrk's {@code -t}
 * @param connections wrk's {@code -c}
 */
record Wrk(int threads, int connections) {

  /** The arguments, for the report (without the URL and the cookie). */
  String describe(Duration duration) {
    return "wrk -t" + threads + " -c" + connections + " -d" + duration.toSeconds() + "s --latency";
  }

  /** Runs wrk for {@code duration}; fails when wrk fails. */
  WrkResult run(URI url, String cookie, Duration duration)
      throws IOException, InterruptedException {
    Process wrk =
        new ProcessBuilder(
                List.of(
                    "wrk",
                    "-t" + threads,
                    "-c" + connections,
                    "-d" + duration.toSeconds() + "s",
                    "--latency",
                    "-H",
                    "Cookie: " + cookie,
                    url.toString()))
            .redirectErrorStream(true)
            .start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    return WrkResult.parse(out);
  }
}
