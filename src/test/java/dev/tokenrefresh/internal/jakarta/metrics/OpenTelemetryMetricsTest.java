package dev.tokenrefresh.internal.jakarta.metrics;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.REFRESH_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.internal.core.breaker.BreakerState;
import dev.tokenrefresh.internal.core.metrics.CoordinatorGauges;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry adapter against a real SDK with an in-memory reader: the names, attributes,
 * units and descriptions a collector receives.
 */
class OpenTelemetryMetricsTest {

  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final SdkMeterProvider provider =
      SdkMeterProvider.builder().registerMetricReader(reader).build();
  private final RefreshMetrics metrics = OpenTelemetryMetrics.of(provider.get("dev.tokenrefresh"));

  @Test
  void counters_areExportedFromTheStart_andCountEvents_withTheirTags() {
    metrics.occurred(REFRESH_REQUESTED);
    metrics.occurred(REFRESH_REQUESTED);
    metrics.idpFaulted(FaultKind.IO, Duration.ofMillis(250));

    Map<String, MetricData> exported = collect();

    assertThat(sum(exported.get(MetricNames.REQUESTS))).isEqualTo(2);
    assertThat(sum(exported.get(MetricNames.BREAKER_TRIPS))).as("shown at 0").isZero();
    LongPointData io =
        exported.get(MetricNames.FAILURES).getLongSumData().getPoints().iterator().next();
    assertThat(io.getAttributes().get(AttributeKey.stringKey(MetricNames.KIND))).isEqualTo("io");
    assertThat(io.getValue()).isEqualTo(1);
  }

  @Test
  void callTimer_isAHistogramInSeconds() {
    metrics.refreshSucceeded(Duration.ofMillis(250));

    MetricData timer = collect().get(MetricNames.IDP_CALL_DURATION);

    assertThat(timer.getUnit()).isEqualTo("s");
    HistogramPointData point = timer.getHistogramData().getPoints().iterator().next();
    assertThat(point.getCount()).isEqualTo(1);
    assertThat(point.getSum()).isEqualTo(0.25);
    assertThat(point.getMax()).isEqualTo(0.25);
  }

  @Test
  void gauges_readTheCoordinatorWhenCollected() {
    int[] inFlight = {3};
    metrics.bindGauges(gauges(inFlight));

    assertThat(gauge(collect().get(MetricNames.IN_FLIGHT))).isEqualTo(3);
    inFlight[0] = 0;
    assertThat(gauge(collect().get(MetricNames.IN_FLIGHT))).isZero();
  }

  @Test
  void suspendedRequestsGauge_readsTheFiltersCountWhenCollected() {
    int[] suspended = {4};
    metrics.bindSuspendedRequests(() -> suspended[0]);

    assertThat(gauge(collect().get(MetricNames.SUSPENDED))).isEqualTo(4);
    suspended[0] = 1;
    assertThat(gauge(collect().get(MetricNames.SUSPENDED))).isEqualTo(1);
  }

  @Test
  void everyInstrument_carriesItsDescription() {
    metrics.refreshSucceeded(Duration.ofMillis(1));
    metrics.bindGauges(gauges(new int[] {0}));
    metrics.bindSuspendedRequests(() -> 0);

    assertThat(collect().values())
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(m.getDescription())
                    .as(m.getName())
                    .isEqualTo(MetricNames.description(m.getName())));
  }

  private Map<String, MetricData> collect() {
    Collection<MetricData> data = reader.collectAllMetrics();
    return data.stream().collect(Collectors.toMap(MetricData::getName, Function.identity()));
  }

  private static long sum(MetricData counter) {
    return counter.getLongSumData().getPoints().stream().mapToLong(LongPointData::getValue).sum();
  }

  private static long gauge(MetricData gauge) {
    return gauge.getLongGaugeData().getPoints().iterator().next().getValue();
  }

  private static CoordinatorGauges gauges(int[] inFlight) {
    return new CoordinatorGauges(
        () -> inFlight[0],
        () -> 0,
        () -> 0,
        () -> BreakerState.CLOSED,
        () -> 0,
        () -> 0,
        () -> true);
  }
}
