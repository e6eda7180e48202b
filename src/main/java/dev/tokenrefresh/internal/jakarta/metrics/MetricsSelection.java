package dev.tokenrefresh.internal.jakarta.metrics;

import static dev.tokenrefresh.core.config.ConfigKey.METRICS;

import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.metrics.RefreshTotals;
import dev.tokenrefresh.internal.jakarta.OptionalApi;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.logging.Logger;

/**
 * Chooses the metrics adapter ({@code token-refresh.metrics}: {@code auto}, {@code microprofile},
 * {@code opentelemetry}, {@code micrometer}, {@code none}). {@code auto} prefers MicroProfile
 * Metrics, then OpenTelemetry (MicroProfile Telemetry's {@code Meter}, only when the application
 * enabled the SDK with {@code otel.sdk.disabled=false}: with the SDK disabled, the MicroProfile
 * Telemetry default, its meter records nothing), then Micrometer, else records nothing and says so
 * once. An adapter class is loaded only after its API was found on the class path, so a server
 * without it never sees its types. Thread-safe (stateless).
 *
 * <p>Registries are looked up through an injected {@code Instance}, not {@code CDI.current()}: the
 * MicroProfile Metrics producers (Payara's, SmallRye's) read the {@code @RegistryScope} from the
 * injection point's {@code Annotated}, which a {@code CDI.current()} lookup lacks (Payara 6 then
 * fails with a NullPointerException); a lookup through an injected {@code Instance} carries the
 * {@code Annotated} of its field.
 */
public final class MetricsSelection {

  static final String MP_REGISTRY = "org.eclipse.microprofile.metrics.MetricRegistry";
  static final String MICROMETER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
  static final String OTEL_METER = "io.opentelemetry.api.metrics.Meter";

  private static final Logger LOG = Logger.getLogger(MetricsSelection.class.getName());

  /** Where events go when no library records them: only the totals count them. */
  private static final MeterSink RECORDS_NOTHING =
      new MeterSink() {
        @Override
        public void register(String name) {}

        @Override
        public void increment(String name) {}

        @Override
        public void increment(String name, String key, String value) {}

        @Override
        public void record(String name, Duration duration) {}

        @Override
        public void gauge(String name, IntSupplier value) {}
      };

  private MetricsSelection() {}

  /**
   * The metrics port on the chosen library, which counts every event in {@code totals} too.
   *
   * @param choice the configured value, empty for {@code auto}
   * @param beans an injected {@code Instance} to look the registries up with
   * @param totals where every event is counted, whichever library records it (or none)
   * @throws IllegalArgumentException when the choice is unknown or its back end is missing
   */
  public static RefreshMetrics select(
      Optional<String> choice,
      boolean otelSdkEnabled,
      Instance<Object> beans,
      RefreshTotals totals) {
    return new NamedMetrics(sink(choice, otelSdkEnabled, beans), totals);
  }

  private static MeterSink sink(
      Optional<String> choice, boolean otelSdkEnabled, Instance<Object> beans) {
    String c = choice.orElse(METRICS.defaultValue().orElseThrow()).toLowerCase(Locale.ROOT);
    switch (c) {
      case "none":
        return RECORDS_NOTHING;
      case "microprofile":
        return require(c, microProfile(beans));
      case "micrometer":
        return require(c, micrometer(beans));
      case "opentelemetry":
        return require(c, otelSdkEnabled ? openTelemetry(beans) : Optional.empty());
      case "auto":
        Optional<MeterSink> found =
            microProfile(beans)
                .or(() -> otelSdkEnabled ? openTelemetry(beans) : Optional.empty())
                .or(() -> micrometer(beans));
        if (found.isEmpty()) {
          LOG.info(
              "token-refresh-filter: neither MicroProfile Metrics, an enabled OpenTelemetry SDK"
                  + " (otel.sdk.disabled=false) nor Micrometer is available; metrics are not"
                  + " recorded");
        }
        return found.orElse(RECORDS_NOTHING);
      default:
        throw new IllegalArgumentException(
            METRICS
                + " must be auto, microprofile, opentelemetry, micrometer or none, was '"
                + choice.orElse("")
                + "'");
    }
  }

  private static MeterSink require(String choice, Optional<MeterSink> adapter) {
    return adapter.orElseThrow(
        () ->
            new IllegalArgumentException(
                METRICS + " is " + choice + ", but the server does not provide it"));
  }

  /**
   * The sink {@code adapter} makes of the bean of {@code type} that {@code beans} resolves, if any.
   * Called by each adapter's {@code from}, so that {@code type} is named only in a class loaded
   * after its API was found.
   */
  static <T> Optional<MeterSink> onBean(
      Instance<Object> beans, Class<T> type, Function<? super T, ? extends MeterSink> adapter) {
    Instance<T> found = beans.select(type);
    return found.isResolvable() ? Optional.of(adapter.apply(found.get())) : Optional.empty();
  }

  private static Optional<MeterSink> microProfile(Instance<Object> beans) {
    return OptionalApi.visible(MP_REGISTRY) ? MicroProfileMetrics.from(beans) : Optional.empty();
  }

  private static Optional<MeterSink> openTelemetry(Instance<Object> beans) {
    return OptionalApi.visible(OTEL_METER) ? OpenTelemetryMetrics.from(beans) : Optional.empty();
  }

  private static Optional<MeterSink> micrometer(Instance<Object> beans) {
    return OptionalApi.visible(MICROMETER_REGISTRY)
        ? MicrometerMetrics.from(beans)
        : Optional.empty();
  }
}
