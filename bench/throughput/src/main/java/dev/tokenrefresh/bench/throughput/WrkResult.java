package dev.tokenrefresh.bench.throughput;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run reports: throughput, latency percentiles and the answers that were not 2xx.
 *
 * @param requestsPerSecond wrk's "Requests/sec"
 * @param p50Millis the median latency
 * @param p99Millis the 99th percentile latency
 * @param requests requests completed
 * @param failures non-2xx/3xx answers plus socket errors
 */
record WrkResult(
    double requestsPerSecond, double p50Millis, double p99Millis, long requests, long failures) {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern COUNT = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /** Parses wrk's output (run with {@code --latency}). */
  static WrkResult parse(String out) {
    long failures = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      failures += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET.matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        failures += Long.parseLong(socket.group(g));
      }
    }
    return new WrkResult(
        Double.parseDouble(find(RATE, out)),
        percentile(out, "50%"),
        percentile(out, "99%"),
        Long.parseLong(find(COUNT, out)),
        failures);
  }

  private static double percentile(String out, String label) {
    Matcher m = Pattern.compile("\\s" + label + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(out);
    if (!m.find()) {
      throw new IllegalArgumentException("no " + label + " latency in wrk's output:\n" + out);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1_000;
      case "ms" -> value;
      default -> value * 1_000;
    };
  }

  private static String find(Pattern p, String out) {
    Matcher m = p.matcher(out);
    if (!m.find()) {
      throw new IllegalArgumentException("unexpected wrk output:\n" + out);
    }
    return m.group(1);
  }
}
