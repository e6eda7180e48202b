package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.demo.Burst;

/**
 * What one scenario of the Keycloak suites measured: its burst, Keycloak's and the module's counts
 * just before and just after it, and the sessions Keycloak no longer held right after it.
 * Immutable.
 *
 * @param burst the burst's answers
 * @param before the counts before the burst
 * @param after the counts after it
 * @param lostSessions the scenario's sessions whose client session Keycloak no longer held
 */
public record ScenarioRun(
    Burst.Result burst, Observation before, Observation after, int lostSessions) {

  /** Refresh-token grants Keycloak answered during the scenario. */
  public int refreshes() {
    return after.refreshesSince(before);
  }

  /** Those of one user. */
  public int refreshesOf(String userId) {
    return after.refreshesSince(before, userId);
  }

  /** Refresh-token grants Keycloak refused during the scenario. */
  public int refusals() {
    return after.refusalsSince(before);
  }

  /** The change of one of the module's metrics (any labels) during the scenario. */
  public int metric(String name) {
    return after.metricSince(before, name);
  }
}
