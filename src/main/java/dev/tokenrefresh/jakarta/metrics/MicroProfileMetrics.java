package dev.tokenrefresh.jakarta.metrics;

import dev.tokenrefresh.core.metrics.RefreshMetrics;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The metrics port on MicroProfile Metrics (application registry). Loaded only when its API is
 * present (see {@link MetricsSelection}). Thread-safe: MicroProfile metrics are.
 */
final class MicroProfileMetrics implements MeterSink {

  private final MetricRegistry registry;

  private MicroProfileMetrics(MetricRegistry registry) {
    this.registry = registry;
  }

  /**
   * The adapter on the registry that {@code beans} resolves, if any (see {@link MetricsSelection}).
   */
  static Optional<RefreshMetrics> from(Instance<Object> beans) {
    Instance<MetricRegistry> registries = beans.select(MetricRegistry.class);
    if (!registries.isResolvable()) {
      return Optional.empty();
    }
    return Optional.of(new NamedMetrics(new MicroProfileMetrics(registries.get())));
  }

  @Override
  public void register(String name) {
    registry.counter(name);
  }

  @Override
  public void increment(String name) {
    registry.counter(name).inc();
  }

  @Override
  public void increment(String name, String key, String value) {
    registry.counter(name, new Tag(key, value)).inc();
  }

  @Override
  public void record(String name, Duration duration) {
    registry.timer(name).update(duration);
  }

  @Override
  public void gauge(String name, IntSupplier value) {
    registry.gauge(name, value, IntSupplier::getAsInt);
  }
}
