package dev.tokenrefresh.internal.jakarta.metrics;

import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.metrics.RefreshTotals;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The metrics port on OpenTelemetry, through the {@link Meter} that MicroProfile Telemetry 2
 * injects (WildFly's {@code microprofile-telemetry} subsystem, Payara 7): the same names and
 * meanings as the other adapters. Counters are {@code LongCounter}s (a Prometheus back end shows
 * them with {@code _total}), the call timer a histogram in seconds (unit {@code s}), gauges are
 * observed when the SDK collects. Every instrument carries its description. Loaded only when the
 * OpenTelemetry API is present and the SDK is enabled (see {@link MetricsSelection}). Thread-safe:
 * OpenTelemetry instruments are, and the instrument cache is a concurrent map.
 */
final class OpenTelemetryMetrics implements MeterSink {

  /** The unit of the call timer's histogram (UCUM seconds). */
  static final String SECONDS = "s";

  private final Meter meter;
  private final Map<String, LongCounter> counters = new ConcurrentHashMap<>();
  private final Map<String, DoubleHistogram> histograms = new ConcurrentHashMap<>();

  /** Attributes by tag, so that a tagged event allocates nothing after its first time. */
  private final Map<String, Attributes> attributes = new ConcurrentHashMap<>();

  OpenTelemetryMetrics(Meter meter) {
    this.meter = meter;
  }

  /** The adapter on the {@link Meter} that {@code beans} resolves, if any. */
  static Optional<MeterSink> from(Instance<Object> beans) {
    return MetricsSelection.onBean(beans, Meter.class, OpenTelemetryMetrics::new);
  }

  /** The adapter on {@code meter}. */
  static RefreshMetrics of(Meter meter) {
    return new NamedMetrics(new OpenTelemetryMetrics(meter), new RefreshTotals());
  }

  @Override
  public void register(String name) {
    // An OpenTelemetry counter is exported from its first measurement: add 0 to show it at once.
    counter(name).add(0);
  }

  @Override
  public void increment(String name) {
    counter(name).add(1);
  }

  @Override
  public void increment(String name, String key, String value) {
    counter(name)
        .add(
            1,
            attributes.computeIfAbsent(
                key + '=' + value, k -> Attributes.of(AttributeKey.stringKey(key), value)));
  }

  @Override
  public void record(String name, Duration duration) {
    histograms
        .computeIfAbsent(
            name,
            n ->
                meter
                    .histogramBuilder(n)
                    .setDescription(MetricNames.description(n))
                    .setUnit(SECONDS)
                    .build())
        .record(duration.toNanos() / 1e9);
  }

  @Override
  public void gauge(String name, IntSupplier value) {
    meter
        .gaugeBuilder(name)
        .ofLongs()
        .setDescription(MetricNames.description(name))
        .buildWithCallback(m -> m.record(value.getAsInt()));
  }

  private LongCounter counter(String name) {
    return counters.computeIfAbsent(
        name, n -> meter.counterBuilder(n).setDescription(MetricNames.description(n)).build());
  }
}
