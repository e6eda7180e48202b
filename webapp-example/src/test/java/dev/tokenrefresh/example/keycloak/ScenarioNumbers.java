package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.demo.Burst;
import dev.tokenrefresh.example.demo.PrometheusText;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import java.util.stream.Collectors;

/**
 * One scenario's numbers for the suite's report: what was sent, what Keycloak counted (its stored
 * events, independent of the module), what the module counted, and how many sessions Keycloak no
 * longer holds. Immutable.
 *
 * @param scenario a short name
 * @param sessions sessions taking part
 * @param requests requests sent
 * @param answered200 requests answered 200
 * @param otherAnswers the other answers, e.g. {@code 199 x HTTP 401}, or {@code none}
 * @param keycloakRefreshes refresh-token grants Keycloak answered with new tokens
 * @param keycloakRefusals refresh-token grants Keycloak refused
 * @param lostSessions sessions whose client session Keycloak no longer holds
 * @param moduleIdpCalls the module's {@code token_refresh_idp_calls_total} change
 * @param coalesced the module's {@code token_refresh_coalesced_total} change
 * @param graceReplays the module's {@code token_refresh_grace_replays_total} change
 * @param burstMillis from the release of the first request to the last answer
 */
public record ScenarioNumbers(
    String scenario,
    int sessions,
    int requests,
    int answered200,
    String otherAnswers,
    int keycloakRefreshes,
    int keycloakRefusals,
    int lostSessions,
    int moduleIdpCalls,
    int coalesced,
    int graceReplays,
    long burstMillis) {

  /** A scenario's numbers from its burst and the observations before and after it. */
  public static ScenarioNumbers of(
      String scenario,
      int sessions,
      Burst.Result burst,
      Observation before,
      Observation after,
      int lostSessions) {
    return new ScenarioNumbers(
        scenario,
        sessions,
        burst.requests(),
        burst.successes(),
        others(burst),
        after.refreshesSince(before),
        after.refusalsSince(before),
        lostSessions,
        after.metricSince(before, PrometheusText.counter(MetricNames.IDP_CALLS)),
        after.metricSince(before, "token_refresh_coalesced_total"),
        after.metricSince(before, "token_refresh_grace_replays_total"),
        burst.elapsed().toMillis());
  }

  /** The statuses other than 200, as {@code count x HTTP status}. */
  public static String others(Burst.Result burst) {
    String others =
        burst.statuses().entrySet().stream()
            .filter(e -> e.getKey() != 200)
            .map(e -> e.getValue() + " x " + (e.getKey() == 0 ? "no answer" : "HTTP " + e.getKey()))
            .collect(Collectors.joining(", "));
    return others.isEmpty() ? "none" : others;
  }
}
