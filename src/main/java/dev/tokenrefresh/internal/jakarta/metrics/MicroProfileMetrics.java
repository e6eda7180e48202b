package dev.tokenrefresh.internal.jakarta.metrics;

import dev.tokenrefresh.jakarta.metrics.MetricNames;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The metrics port on MicroProfile Metrics (application registry). Every metric is registered with
 * {@link Metadata} carrying its description (the {@code # HELP} line). The timer's unit is declared
 * as {@link MetricUnits#NANOSECONDS}, the unit of a MicroProfile Metrics 5 timer's snapshot: Payara
 * 6 defaults a timer registered by name to {@code seconds} and then exports the snapshot's
 * nanoseconds unscaled as mean, max and quantiles, while {@code _sum} is in seconds; with the unit
 * declared, its exporter scales them to seconds. Loaded only when its API is present (see {@link
 * MetricsSelection}). Thread-safe: MicroProfile metrics are, and the metadata cache is a concurrent
 * map.
 */
final class MicroProfileMetrics implements MeterSink {

  private final MetricRegistry registry;

  /** One {@link Metadata} per name, built on first use. */
  private final Map<String, Metadata> metadata = new ConcurrentHashMap<>();

  private MicroProfileMetrics(MetricRegistry registry) {
    this.registry = registry;
  }

  /**
   * The adapter on the registry that {@code beans} resolves, if any (see {@link MetricsSelection}).
   */
  static Optional<MeterSink> from(Instance<Object> beans) {
    return MetricsSelection.onBean(beans, MetricRegistry.class, MicroProfileMetrics::new);
  }

  @Override
  public void register(String name) {
    registry.counter(metadata(name));
  }

  @Override
  public void increment(String name) {
    registry.counter(metadata(name)).inc();
  }

  @Override
  public void increment(String name, String key, String value) {
    registry.counter(metadata(name), new Tag(key, value)).inc();
  }

  @Override
  public void record(String name, Duration duration) {
    registry
        .timer(metadata.computeIfAbsent(name, MicroProfileMetrics::timerMetadata))
        .update(duration);
  }

  @Override
  public void gauge(String name, IntSupplier value) {
    registry.gauge(metadata(name), value, IntSupplier::getAsInt);
  }

  private Metadata metadata(String name) {
    return metadata.computeIfAbsent(
        name,
        n -> Metadata.builder().withName(n).withDescription(MetricNames.description(n)).build());
  }

  private static Metadata timerMetadata(String name) {
    return Metadata.builder()
        .withName(name)
        .withDescription(MetricNames.description(name))
        .withUnit(MetricUnits.NANOSECONDS)
        .build();
  }
}
