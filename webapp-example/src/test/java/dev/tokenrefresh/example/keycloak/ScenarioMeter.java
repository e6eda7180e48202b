package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.demo.Burst;
import dev.tokenrefresh.example.keycloak.UserSessions.Session;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A suite's scenarios measured at the metrics endpoint of the module under test (the one node, or
 * node 0 of a cluster): {@link KeycloakFixture#measure} and {@link KeycloakFixture#observe} with
 * the endpoint given once.
 *
 * @param fixture the suite's Keycloak and report
 * @param metrics the module's metrics endpoint
 */
public record ScenarioMeter(KeycloakFixture fixture, URI metrics) {

  /** {@link #measure(String, List, Callable)} of the one session {@code s}. */
  public ScenarioRun measure(String scenario, Session s, Callable<Burst.Result> burst)
      throws Exception {
    return measure(scenario, List.of(s), burst);
  }

  /** See {@link KeycloakFixture#measure}. */
  public ScenarioRun measure(String scenario, List<Session> sessions, Callable<Burst.Result> burst)
      throws Exception {
    return fixture.measure(scenario, sessions, metrics, burst);
  }

  /** Keycloak's and the module's counts now. */
  public Observation observe() throws Exception {
    return fixture.observe(metrics);
  }
}
