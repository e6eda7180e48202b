package dev.tokenrefresh.internal.jakarta.health;

import dev.tokenrefresh.internal.core.health.ReadinessReport;
import dev.tokenrefresh.internal.jakarta.cdi.RefreshEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The MicroProfile Health readiness check {@code token-refresh}: the module's verdict (see {@link
 * dev.tokenrefresh.internal.core.health.ReadinessReport}) with the breaker state, calls in flight,
 * tracked sessions and the time since the last successful IdP call as data. Served by the server's
 * health endpoint ({@code /health/ready} on Payara, the management port's {@code /health/ready} on
 * WildFly). On a server without MicroProfile Health this class cannot load and the container skips
 * it; nothing else depends on it.
 *
 * <p>Thread-safe: every call reads live values.
 */
@Readiness
@ApplicationScoped
public class TokenRefreshReadiness implements HealthCheck {

  /** The check's name in the health response. */
  public static final String NAME = "token-refresh";

  @Inject RefreshEngine service;

  @Override
  public HealthCheckResponse call() {
    ReadinessReport readiness = service.readiness();
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(readiness.up());
    for (Map.Entry<String, Object> e : readiness.data().entrySet()) {
      Object value = e.getValue();
      if (value instanceof Long number) {
        response.withData(e.getKey(), number);
      } else if (value instanceof Boolean flag) {
        response.withData(e.getKey(), flag);
      } else {
        response.withData(e.getKey(), String.valueOf(value));
      }
    }
    return response.build();
  }
}
