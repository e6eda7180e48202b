package dev.tokenrefresh.it.support;

import dev.tokenrefresh.it.app.BusyThreadsServlet;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The samples of {@link BusyThreadsServlet}: how many of the server's HTTP request threads were
 * busy, every 10 ms, while a scenario ran. Immutable and thread-safe.
 *
 * @param samples in time order
 */
public record BusyThreads(List<Sample> samples) {

  static final String PATH = "/support/busy-threads";

  /**
   * One sample.
   *
   * @param atMillis wall-clock time in the server (the same machine as the test)
   * @param busy request threads doing work or waiting inside the application
   * @param threads request threads that existed, busy or idle
   */
  public record Sample(long atMillis, int busy, int threads) {}

  /** Starts sampling in the server. */
  public static void start(TestApp app) {
    HttpResponse<String> r =
        Http.send(HttpRequest.newBuilder(app.uri(PATH)).POST(HttpRequest.BodyPublishers.noBody()));
    if (r.statusCode() != 204) {
      throw new AssertionError("starting the thread sampler: HTTP " + r.statusCode());
    }
  }

  /** Stops sampling and reads the samples. */
  public static BusyThreads stop(TestApp app) {
    HttpResponse<String> r = Http.send(HttpRequest.newBuilder(app.uri(PATH)).GET());
    if (r.statusCode() != 200) {
      throw new AssertionError("reading the thread sampler: HTTP " + r.statusCode());
    }
    return new BusyThreads(
        r.body()
            .lines()
            .map(l -> l.split(" "))
            .map(f -> new Sample(Long.parseLong(f[0]), parse(f[1]), parse(f[2])))
            .toList());
  }

  /** The most busy threads in any sample. */
  public int peak() {
    return peakBetween(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** The most busy threads in a sample taken from {@code fromMillis} to {@code toMillis}. */
  public int peakBetween(long fromMillis, long toMillis) {
    return samples.stream()
        .filter(s -> s.atMillis() >= fromMillis && s.atMillis() <= toMillis)
        .mapToInt(Sample::busy)
        .max()
        .orElseThrow(
            () -> new AssertionError("no sample between " + fromMillis + " and " + toMillis));
  }

  /** The most request threads that existed at once. */
  public int poolThreads() {
    return samples.stream().mapToInt(Sample::threads).max().orElse(0);
  }

  private static int parse(String n) {
    return Integer.parseInt(n);
  }
}
