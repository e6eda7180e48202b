package dev.tokenrefresh.internal.jakarta.metrics;

import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.metrics.RefreshTotals;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The metrics port on Micrometer (WildFly's {@code micrometer} subsystem injects a {@link
 * MeterRegistry}). Meters are registered with builders, which carry each metric's description (the
 * {@code # HELP} line), when the registry exports what builders register. WildFly 39's
 * per-deployment registry does not: it forwards only the shortcut methods ({@code counter(name,
 * tags)}) to the server's registry, and they carry no description. A probe at start tells the two
 * apart (a meter registered by builder must be found again through the registry), and on such a
 * registry the shortcuts are used: the meters are exported, with an empty {@code # HELP}. Loaded
 * only when Micrometer is present (see {@link MetricsSelection}). Thread-safe: Micrometer meters
 * are, and the meter cache is a concurrent map.
 */
final class MicrometerMetrics implements MeterSink {

  private final MeterRegistry registry;

  /** Whether builders reach the export; decided once by {@link #buildersAreExported}. */
  private final boolean builders;

  /** Counters and timers by name (and tag), so that an event costs one map lookup. */
  private final Map<String, Object> meters = new ConcurrentHashMap<>();

  private MicrometerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.builders = buildersAreExported(registry);
  }

  /**
   * The adapter on the registry that {@code beans} resolves, if any (see {@link MetricsSelection}).
   */
  static Optional<MeterSink> from(Instance<Object> beans) {
    return MetricsSelection.onBean(beans, MeterRegistry.class, MicrometerMetrics::new);
  }

  /** The adapter on {@code registry}. */
  static RefreshMetrics of(MeterRegistry registry) {
    return new NamedMetrics(new MicrometerMetrics(registry), new RefreshTotals());
  }

  /** Whether this adapter registers with builders (and so with descriptions). */
  boolean describesMeters() {
    return builders;
  }

  @Override
  public void register(String name) {
    counter(name, Tags.empty());
  }

  @Override
  public void increment(String name) {
    counter(name, Tags.empty()).increment();
  }

  @Override
  public void increment(String name, String key, String value) {
    counter(name, Tags.of(key, value)).increment();
  }

  @Override
  public void record(String name, Duration duration) {
    Timer timer =
        (Timer)
            meters.computeIfAbsent(
                name,
                n ->
                    builders
                        ? Timer.builder(n)
                            .description(MetricNames.description(n))
                            .register(registry)
                        : registry.timer(n));
    timer.record(duration);
  }

  @Override
  public void gauge(String name, IntSupplier value) {
    if (builders) {
      Gauge.builder(name, value, IntSupplier::getAsInt)
          .description(MetricNames.description(name))
          .register(registry);
    } else {
      registry.gauge(name, Tags.empty(), value, IntSupplier::getAsInt);
    }
  }

  private Counter counter(String name, Tags tags) {
    return (Counter)
        meters.computeIfAbsent(
            name + tags,
            k ->
                builders
                    ? Counter.builder(name)
                        .description(MetricNames.description(name))
                        .tags(tags)
                        .register(registry)
                    : registry.counter(name, tags));
  }

  /**
   * Registers a probe counter by builder and looks for it through the registry: found on an
   * ordinary registry, not on one that exports only what its shortcuts forward.
   */
  private static boolean buildersAreExported(MeterRegistry registry) {
    String probe = "token_refresh_builder_probe";
    Counter.builder(probe).register(registry);
    boolean found = registry.find(probe).counter() != null;
    if (found) {
      registry.remove(registry.find(probe).counter());
    }
    return found;
  }
}
