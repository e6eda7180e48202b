package dev.tokenrefresh.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.OtlpReceiver;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.UserSession;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The OpenTelemetry adapter on WildFly 39's MicroProfile Telemetry: the application enables the SDK
 * and its OTLP metrics exporter (HTTP, protobuf) towards a receiver in the test JVM; after one
 * refresh, the module's counters and its call timer arrive there under the documented names, the
 * timer in seconds.
 */
@EnabledIfSystemProperty(named = "it.container", matches = "wildfly")
class OpenTelemetryExportIT extends ContainerIT {

  private static final OtlpReceiver COLLECTOR = OtlpReceiver.start();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return deployment(
        "token-refresh-otel.war",
        Map.of(
            "otel.sdk.disabled", "false",
            "otel.metrics.exporter", "otlp",
            "otel.traces.exporter", "none",
            "otel.logs.exporter", "none",
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.exporter.otlp.endpoint", COLLECTOR.endpoint().toString(),
            "otel.metric.export.interval", "500"));
  }

  @ArquillianResource URL base;

  @AfterAll
  static void stopCollector() {
    COLLECTOR.close();
  }

  @Test
  void aRefresh_reachesTheCollector_asCountersAndATimerInSeconds() {
    MockIdp.shared().reset();
    UserSession session = new TestApp(base).loginExpired();
    assertThat(session.get("/echo").statusCode()).isEqualTo(200);

    Metric requests =
        Poll.until(
            "the refresh counted at the collector",
            Duration.ofSeconds(30),
            Duration.ofMillis(200),
            () -> COLLECTOR.latest(MetricNames.REQUESTS).orElse(null),
            m -> m != null && total(m) >= 1);

    assertThat(requests.getDescription()).isEqualTo(MetricNames.description(MetricNames.REQUESTS));
    assertThat(requests.getSum().getIsMonotonic()).as("a counter").isTrue();
    Metric timer = COLLECTOR.latest(MetricNames.IDP_CALL_DURATION).orElseThrow();
    assertThat(timer.getUnit()).isEqualTo("s");
    assertThat(timer.getHistogram().getDataPoints(0).getCount()).isPositive();
    assertThat(timer.getHistogram().getDataPoints(0).getSum()).as("seconds").isBetween(0.0, 30.0);
    assertThat(COLLECTOR.latest(MetricNames.IN_FLIGHT)).as("a gauge").isPresent();
  }

  private static long total(Metric counter) {
    return counter.getSum().getDataPointsList().stream().mapToLong(NumberDataPoint::getAsInt).sum();
  }
}
