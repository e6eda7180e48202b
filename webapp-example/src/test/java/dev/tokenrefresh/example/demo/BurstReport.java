package dev.tokenrefresh.example.demo;

import dev.tokenrefresh.jakarta.metrics.MetricNames;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Formats a {@link BurstScenario.Outcome} as the short text report {@code demo.sh burst} prints.
 */
public final class BurstReport {

  private static final String RULE = "-".repeat(72);
  private static final String IDP_CALLS = PrometheusText.counter(MetricNames.IDP_CALLS);

  private BurstReport() {}

  /** The report. */
  public static String format(BurstScenario.Outcome o) {
    StringBuilder r = new StringBuilder();
    r.append("=".repeat(72)).append('\n');
    r.append("token-refresh-filter burst report\n");
    r.append(RULE).append('\n');
    requests(r, o);
    r.append(RULE).append('\n');
    provider(r, o);
    r.append(RULE).append('\n');
    module(r, o);
    r.append(RULE).append('\n');
    afterwards(r, o);
    r.append("=".repeat(72)).append('\n');
    r.append(result(o));
    return r.toString();
  }

  private static void requests(StringBuilder r, BurstScenario.Outcome o) {
    Burst.Result burst = o.burst();
    line(r, "session", "one, logged in by authorization code + PKCE");
    line(r, "access token", String.format("expired %.1f s before the burst", millis(o) / 1000.0));
    line(r, "requests fired concurrently", Integer.toString(burst.requests()));
    line(r, "answered 200 (userinfo ok)", Integer.toString(burst.successes()));
    line(r, "other answers", others(burst));
    line(r, "burst took", burst.elapsed().toMillis() + " ms");
  }

  private static void provider(StringBuilder r, BurstScenario.Outcome o) {
    if (!o.providerObserved()) {
      r.append(
          "token-endpoint calls seen by the provider: not observed here (it runs in another\n");
      r.append("process; ./demo.sh idp prints each token request)\n");
      return;
    }
    r.append("token-endpoint calls seen by the provider (counted inside mock-oauth2-server)\n");
    line(r, "  during the burst", "refresh_token " + o.idpRefreshCalls());
    line(r, "  since it started", grants(o.idpAfter()));
  }

  private static void module(StringBuilder r, BurstScenario.Outcome o) {
    if (o.metricsAfter().isEmpty()) {
      r.append("the module's metrics: not scraped (give --metrics URL)\n");
      return;
    }
    r.append("the module's metrics (/metrics, mp_scope=application), change during the burst\n");
    for (String series : changedCounters(o)) {
      line(r, "  " + series, String.format("%+.0f", o.metricDelta(series)));
    }
  }

  private static void afterwards(StringBuilder r, BurstScenario.Outcome o) {
    boolean ok = o.after().status() == 200;
    line(
        r,
        "GET /api/me afterwards",
        String.format(
            "HTTP %d, refreshes=%s, exp %d -> %s",
            o.after().status(),
            ok ? o.after().refreshes() : "?",
            o.before().exp(),
            ok ? o.after().exp() : "?"));
    o.burst().failures().forEach(f -> line(r, "  failure", f));
  }

  private static String result(BurstScenario.Outcome o) {
    Burst.Result burst = o.burst();
    return String.format(
        "RESULT: %d requests -> %d token-endpoint call%s (%s), %d answered 200   %s%n",
        burst.requests(),
        o.refreshCalls(),
        o.refreshCalls() == 1 ? "" : "s",
        o.refreshCallsWitness(),
        burst.successes(),
        o.passed() ? "PASS" : "FAIL");
  }

  private static long millis(BurstScenario.Outcome o) {
    return o.expiredFor().toMillis();
  }

  private static String others(Burst.Result burst) {
    String others =
        burst.statuses().entrySet().stream()
            .filter(e -> e.getKey() != 200)
            .map(e -> e.getValue() + " x " + (e.getKey() == 0 ? "no answer" : "HTTP " + e.getKey()))
            .collect(Collectors.joining(", "));
    return others.isEmpty() ? "none" : others;
  }

  private static String grants(Map<String, Integer> calls) {
    return calls.isEmpty()
        ? "none"
        : calls.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  /** The counters that moved, by metric name, plus the IdP-call counter always. */
  private static Set<String> changedCounters(BurstScenario.Outcome o) {
    Set<String> names = new TreeSet<>();
    names.add(IDP_CALLS);
    for (String series : o.metricsAfter().keySet()) {
      String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
      if (name.endsWith("_total") && o.metricDelta(name) != 0) {
        names.add(name);
      }
    }
    return names;
  }

  private static void line(StringBuilder r, String label, String value) {
    r.append(String.format("%-34s %s%n", label, value));
  }
}
