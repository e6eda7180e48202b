package dev.tokenrefresh.it.support;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector in the test JVM: an OTLP/HTTP (protobuf) metrics receiver on 127.0.0.1
 * that keeps every metric the server exports. Thread-safe.
 */
public final class OtlpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<Metric> received = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts a receiver on a free loopback port. */
  public static OtlpReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      OtlpReceiver receiver = new OtlpReceiver(server);
      server.createContext(
          "/v1/metrics",
          exchange -> {
            try (InputStream body = body(exchange.getRequestBody(), exchange)) {
              receiver.keep(ExportMetricsServiceRequest.parseFrom(body));
              exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
              exchange.sendResponseHeaders(200, -1);
            } catch (IOException | RuntimeException e) {
              exchange.sendResponseHeaders(400, -1);
            } finally {
              exchange.close();
            }
          });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL an exporter is given ({@code otel.exporter.otlp.endpoint}). */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The latest export of the metric {@code name}, if any arrived. */
  public Optional<Metric> latest(String name) {
    List<Metric> all = new ArrayList<>(received);
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).getName().equals(name)) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  private void keep(ExportMetricsServiceRequest request) {
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        received.addAll(scope.getMetricsList());
      }
    }
  }

  private static InputStream body(InputStream raw, com.sun.net.httpserver.HttpExchange exchange)
      throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(raw) : raw;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
