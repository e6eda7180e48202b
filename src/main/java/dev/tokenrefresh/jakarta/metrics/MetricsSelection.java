package dev.tokenrefresh.jakarta.metrics;

import dev.tokenrefresh.core.metrics.RefreshMetrics;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Chooses the metrics adapter ({@code token-refresh.metrics}: {@code auto}, {@code microprofile},
 * {@code micrometer}, {@code none}). {@code auto} prefers MicroProfile Metrics, then Micrometer,
 * else records nothing and says so once. An adapter class is loaded only after its API was found on
 * the class path, so a server without it never sees its types. Thread-safe (stateless).
 */
public final class MetricsSelection {

  static final String MP_REGISTRY = "org.eclipse.microprofile.metrics.MetricRegistry";
  static final String MICROMETER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

  private static final Logger LOG = Logger.getLogger(MetricsSelection.class.getName());

  private MetricsSelection() {}

  /**
   * @param choice the configured value, empty for {@code auto}
   * @throws IllegalArgumentException when the choice is unknown or its back end is missing
   */
  public static RefreshMetrics select(Optional<String> choice) {
    String c = choice.orElse("auto").toLowerCase(Locale.ROOT);
    switch (c) {
      case "none":
        return RefreshMetrics.noop();
      case "microprofile":
        return require(c, microProfile());
      case "micrometer":
        return require(c, micrometer());
      case "auto":
        Optional<RefreshMetrics> found = microProfile().or(MetricsSelection::micrometer);
        if (found.isEmpty()) {
          LOG.info(
              "token-refresh-filter: neither MicroProfile Metrics nor Micrometer is available;"
                  + " metrics are not recorded");
        }
        return found.orElse(RefreshMetrics.noop());
      default:
        throw new IllegalArgumentException(
            "token-refresh.metrics must be auto, microprofile, micrometer or none, was '"
                + choice.orElse("")
                + "'");
    }
  }

  private static RefreshMetrics require(String choice, Optional<RefreshMetrics> adapter) {
    return adapter.orElseThrow(
        () ->
            new IllegalArgumentException(
                "token-refresh.metrics is " + choice + ", but the server does not provide it"));
  }

  private static Optional<RefreshMetrics> microProfile() {
    return visible(MP_REGISTRY) ? MicroProfileMetrics.fromCdi() : Optional.empty();
  }

  private static Optional<RefreshMetrics> micrometer() {
    return visible(MICROMETER_REGISTRY) ? MicrometerMetrics.fromCdi() : Optional.empty();
  }

  private static boolean visible(String className) {
    try {
      Class.forName(className, false, Thread.currentThread().getContextClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
