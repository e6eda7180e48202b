package dev.tokenrefresh.jakarta.metrics;

import dev.tokenrefresh.core.metrics.RefreshMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The metrics port on Micrometer (WildFly's {@code micrometer} subsystem injects a {@link
 * MeterRegistry}). Meters are registered through the registry's shortcut methods ({@code
 * counter(name, tags)}), not builders: WildFly 39's application registry forwards only the
 * shortcuts to the server registry. Loaded only when Micrometer is present (see {@link
 * MetricsSelection}). Thread-safe: Micrometer meters are.
 */
final class MicrometerMetrics implements MeterSink {

  private final MeterRegistry registry;

  private MicrometerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * The adapter on the registry that {@code beans} resolves, if any (see {@link MetricsSelection}).
   */
  static Optional<RefreshMetrics> from(Instance<Object> beans) {
    Instance<MeterRegistry> registries = beans.select(MeterRegistry.class);
    if (!registries.isResolvable()) {
      return Optional.empty();
    }
    return Optional.of(new NamedMetrics(new MicrometerMetrics(registries.get())));
  }

  @Override
  public void register(String name) {
    registry.counter(name);
  }

  @Override
  public void increment(String name) {
    registry.counter(name).increment();
  }

  @Override
  public void increment(String name, String key, String value) {
    registry.counter(name, key, value).increment();
  }

  @Override
  public void record(String name, Duration duration) {
    registry.timer(name).record(duration);
  }

  @Override
  public void gauge(String name, IntSupplier value) {
    registry.gauge(name, Tags.empty(), value, IntSupplier::getAsInt);
  }
}
