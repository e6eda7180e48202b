package dev.tokenrefresh.example.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads samples from a Prometheus text endpoint (Payara's {@code /metrics}): {@code name{labels}
 * value} lines, keyed by the series ({@code name{labels}}).
 */
public final class PrometheusText {

  private PrometheusText() {}

  /**
   * The name of the counter {@code name} (a {@code MetricNames} constant) in Prometheus text, where
   * a counter's samples end in {@code _total}.
   */
  public static String counter(String name) {
    return name + "_total";
  }

  /** The samples whose name starts with {@code prefix}. */
  public static Map<String, Double> scrape(URI endpoint, String prefix)
      throws IOException, InterruptedException {
    String text =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(endpoint)
                    .header("Accept", "text/plain")
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, Double> samples = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith(prefix)) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      try {
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        // not a sample line
      }
    }
    return samples;
  }

  /** A sample by metric name with any labels, 0 when absent. */
  public static double value(Map<String, Double> samples, String name) {
    return samples.entrySet().stream()
        .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }
}
