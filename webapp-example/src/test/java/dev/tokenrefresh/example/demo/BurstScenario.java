package dev.tokenrefresh.example.demo;

import dev.tokenrefresh.jakarta.metrics.MetricNames;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The burst: log in without a browser, wait until the access token has expired, fire {@code n}
 * concurrent requests of that session at {@code /api/me}, and record what the provider and the
 * module saw. Shared by {@code demo.sh burst} and the end-to-end test.
 */
public final class BurstScenario {

  /** The module's counters, as {@code /metrics} names them. */
  static final String METRIC_PREFIX = "token_refresh_";

  private BurstScenario() {}

  /**
   * Everything the report shows.
   *
   * @param before {@code /api/me} right after login
   * @param after {@code /api/me} after the burst
   * @param burst the burst's answers
   * @param expiredFor how long the access token had been expired when the burst started
   * @param idpBefore token-endpoint calls the provider had seen before the burst, by grant type
   * @param idpAfter the same after the burst
   * @param metricsBefore the module's metrics before the burst
   * @param metricsAfter the module's metrics after the burst
   * @param providerObserved whether this process sees the provider's count ({@code false} for
   *     {@code ./demo.sh burst --app URL}: then the maps of the provider are empty)
   */
  public record Outcome(
      Browser.Me before,
      Browser.Me after,
      Burst.Result burst,
      Duration expiredFor,
      Map<String, Integer> idpBefore,
      Map<String, Integer> idpAfter,
      Map<String, Double> metricsBefore,
      Map<String, Double> metricsAfter,
      boolean providerObserved) {

    /** Refresh-token calls the provider received during the burst: the number that matters. */
    public int idpRefreshCalls() {
      return idpAfter.getOrDefault("refresh_token", 0) - idpBefore.getOrDefault("refresh_token", 0);
    }

    /** The change of one of the module's counters during the burst. */
    public double metricDelta(String name) {
      return PrometheusText.value(metricsAfter, name) - PrometheusText.value(metricsBefore, name);
    }

    /**
     * The refresh calls of the burst by the best witness there is: the provider's own count, else
     * the module's {@code token_refresh_idp_calls_total}, else the session's refresh count.
     */
    public int refreshCalls() {
      if (providerObserved) {
        return idpRefreshCalls();
      }
      if (!metricsAfter.isEmpty()) {
        return (int) metricDelta(PrometheusText.counter(MetricNames.IDP_CALLS));
      }
      return after.status() == 200 ? after.refreshes() - before.refreshes() : -1;
    }

    /** Who counted {@link #refreshCalls()}. */
    public String refreshCallsWitness() {
      if (providerObserved) {
        return "provider's count";
      }
      return metricsAfter.isEmpty() ? "the session's refresh count" : "the module's metrics";
    }

    /** Every request answered 200 and there was exactly one refresh. */
    public boolean passed() {
      return burst.successes() == burst.requests() && refreshCalls() == 1;
    }
  }

  /**
   * Runs the scenario against a started stack; progress goes to {@code out}.
   *
   * @param browser a browser that has not logged in yet; afterwards it holds the session
   */
  public static Outcome run(DemoStack stack, Browser browser, int n, PrintStream out)
      throws IOException, InterruptedException {
    return run(
        stack.app(), stack.idp()::tokenCallsByGrant, stack.payara().metrics(), browser, n, out);
  }

  /**
   * Runs the scenario against any deployment of the example ({@code login}, {@code api/me}).
   *
   * @param idpCalls the provider's count by grant type, or {@code null} when it runs elsewhere
   * @param metrics the module's Prometheus metrics, or {@code null} when not reachable
   */
  public static Outcome run(
      URI app,
      Supplier<Map<String, Integer>> idpCalls,
      URI metrics,
      Browser browser,
      int n,
      PrintStream out)
      throws IOException, InterruptedException {
    Supplier<Map<String, Integer>> provider = idpCalls == null ? Map::of : idpCalls;
    browser.login(app);
    Browser.Me before = browser.me(app);
    if (before.status() != 200) {
      throw new IllegalStateException("GET /api/me after login: " + before);
    }
    out.printf("logged in as %s; access token expires at exp=%d%n", before.sub(), before.exp());
    long expiredAtMillis = before.exp() * 1000;
    long waitMillis = expiredAtMillis + 1000 - System.currentTimeMillis();
    if (waitMillis > 0) {
      out.printf("waiting %.1f s for it to expire…%n", waitMillis / 1000.0);
      Thread.sleep(waitMillis); // real time: the token's expiry is real time
    }
    Map<String, Integer> idpBefore = provider.get();
    Map<String, Double> metricsBefore = scrape(metrics);
    Duration expiredFor = Duration.ofMillis(System.currentTimeMillis() - expiredAtMillis);
    out.printf("firing %d concurrent requests of this session at /api/me…%n", n);
    Burst.Result burst = Burst.fire(browser, app, n);
    Map<String, Integer> idpAfter = provider.get();
    Map<String, Double> metricsAfter = scrape(metrics);
    Browser.Me after = browser.me(app);
    return new Outcome(
        before,
        after,
        burst,
        expiredFor,
        idpBefore,
        idpAfter,
        metricsBefore,
        metricsAfter,
        idpCalls != null);
  }

  private static Map<String, Double> scrape(URI metrics) throws IOException, InterruptedException {
    return metrics == null ? Map.of() : PrometheusText.scrape(metrics, METRIC_PREFIX);
  }
}
