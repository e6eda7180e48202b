package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.demo.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * What Keycloak and the module had counted at one moment: Keycloak's refresh events (once stored)
 * and the module's {@code token_refresh_*} metrics. A scenario takes one before and one after its
 * requests and compares them. Immutable.
 *
 * @param keycloak Keycloak's refresh-token grants so far
 * @param metrics the module's metrics
 */
public record Observation(KeycloakAdmin.RefreshEvents keycloak, Map<String, Double> metrics) {

  /** Takes the observation. */
  public static Observation take(KeycloakAdmin admin, URI metricsEndpoint)
      throws IOException, InterruptedException {
    KeycloakAdmin.RefreshEvents events = admin.settledRefreshEvents();
    return new Observation(events, PrometheusText.scrape(metricsEndpoint, "token_refresh_"));
  }

  /** Refresh-token grants Keycloak answered since {@code before}. */
  public int refreshesSince(Observation before) {
    return keycloak.refreshes() - before.keycloak.refreshes();
  }

  /** Those of one user. */
  public int refreshesSince(Observation before, String userId) {
    return keycloak.refreshesOf(userId) - before.keycloak.refreshesOf(userId);
  }

  /** Refresh-token grants Keycloak refused since {@code before}. */
  public int refusalsSince(Observation before) {
    return keycloak.errors() - before.keycloak.errors();
  }

  /** The change of one of the module's metrics (any labels) since {@code before}. */
  public int metricSince(Observation before, String name) {
    return (int) (PrometheusText.value(metrics, name) - PrometheusText.value(before.metrics, name));
  }

  /** The change of the module's {@code token_refresh_failures_total{kind="grant_revoked"}}. */
  public int grantRevokedSince(Observation before) {
    return (int) (grantRevoked(metrics) - grantRevoked(before.metrics));
  }

  private static double grantRevoked(Map<String, Double> metrics) {
    return metrics.entrySet().stream()
        .filter(e -> e.getKey().startsWith("token_refresh_failures_total{"))
        .filter(e -> e.getKey().contains("kind=\"grant_revoked\""))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }
}
