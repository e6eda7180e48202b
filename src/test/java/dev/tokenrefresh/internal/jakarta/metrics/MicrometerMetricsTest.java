package dev.tokenrefresh.internal.jakarta.metrics;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.REFRESH_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Descriptions reach a registry that exports builders; on one that forwards only its shortcuts
 * (WildFly 39's per-deployment registry), the meters still reach the exporting registry.
 */
class MicrometerMetricsTest {

  @Test
  void ordinaryRegistry_getsEveryMeterWithItsDescription_andTheTimerInSeconds() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RefreshMetrics metrics = MicrometerMetrics.of(registry);

    metrics.occurred(REFRESH_REQUESTED);
    metrics.idpFaulted(FaultKind.IO, Duration.ofMillis(250));
    java.util.function.IntSupplier suspended = () -> 3;
    metrics.bindSuspendedRequests(suspended);

    assertThat(registry.get(MetricNames.REQUESTS).counter().count()).isEqualTo(1);
    assertThat(registry.get(MetricNames.FAILURES).tag("kind", "io").counter().count()).isEqualTo(1);
    assertThat(registry.get(MetricNames.SUSPENDED).gauge().value()).isEqualTo(3);
    Timer timer = registry.get(MetricNames.IDP_CALL_DURATION).timer();
    assertThat(timer.max(TimeUnit.SECONDS)).isEqualTo(0.25);
    assertThat(registry.getMeters())
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(m.getId().getDescription())
                    .as(m.getId().getName())
                    .isEqualTo(MetricNames.description(m.getId().getName())));
    assertThat(registry.find("token_refresh_builder_probe").meter()).as("probe removed").isNull();
  }

  @Test
  void registryThatForwardsOnlyShortcuts_stillExportsEveryMeter() {
    SimpleMeterRegistry server = new SimpleMeterRegistry();
    RefreshMetrics metrics = MicrometerMetrics.of(new ShortcutsOnly(server));

    metrics.occurred(REFRESH_REQUESTED);
    metrics.idpFaulted(FaultKind.IO, Duration.ofMillis(250));

    assertThat(server.get(MetricNames.REQUESTS).counter().count()).isEqualTo(1);
    assertThat(server.get(MetricNames.FAILURES).tag("kind", "io").counter().count()).isEqualTo(1);
    assertThat(server.get(MetricNames.IDP_CALL_DURATION).timer().count()).isEqualTo(1);
  }

  /** Like WildFly 39's ApplicationRegistry: shortcuts and searches go to the server's registry. */
  private static final class ShortcutsOnly extends SimpleMeterRegistry {

    private final MeterRegistry server;

    ShortcutsOnly(MeterRegistry server) {
      this.server = server;
    }

    @Override
    public Counter counter(String name, Iterable<Tag> tags) {
      return server.counter(name, tags);
    }

    @Override
    public Timer timer(String name, Iterable<Tag> tags) {
      return server.timer(name, tags);
    }

    @Override
    public <T> T gauge(
        String name, Iterable<Tag> tags, T obj, java.util.function.ToDoubleFunction<T> f) {
      return server.gauge(name, tags, obj, f);
    }

    @Override
    public Search find(String name) {
      return server.find(name);
    }

    @Override
    public Meter remove(Meter meter) {
      return server.remove(meter);
    }
  }
}
