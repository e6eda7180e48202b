package dev.tokenrefresh.example.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

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
   */
  public record Outcome(
      Browser.Me before,
      Browser.Me after,
      Burst.Result burst,
      Duration expiredFor,
      Map<String, Integer> idpBefore,
      Map<String, Integer> idpAfter,
      Map<String, Double> metricsBefore,
      Map<String, Double> metricsAfter) {

    /** Refresh-token calls the provider received during the burst: the number that matters. */
    public int idpRefreshCalls() {
      return idpAfter.getOrDefault("refresh_token", 0) - idpBefore.getOrDefault("refresh_token", 0);
    }

    /** The change of one of the module's counters during the burst. */
    public double metricDelta(String name) {
      return PrometheusText.value(metricsAfter, name) - PrometheusText.value(metricsBefore, name);
    }

    /** Every request answered 200 and the provider saw exactly one refresh. */
    public boolean passed() {
      return burst.successes() == burst.requests() && idpRefreshCalls() == 1;
    }
  }

  /**
   * Runs the scenario against a started stack; progress goes to {@code out}.
   *
   * @param browser a browser that has not logged in yet; afterwards it holds the session
   */
  public static Outcome run(DemoStack stack, Browser browser, int n, PrintStream out)
      throws IOException, InterruptedException {
    browser.login(stack.app());
    Browser.Me before = browser.me(stack.app());
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
    Map<String, Integer> idpBefore = stack.idp().tokenCallsByGrant();
    Map<String, Double> metricsBefore =
        PrometheusText.scrape(stack.payara().metrics(), METRIC_PREFIX);
    Duration expiredFor = Duration.ofMillis(System.currentTimeMillis() - expiredAtMillis);
    out.printf("firing %d concurrent requests of this session at /api/me…%n", n);
    Burst.Result burst = Burst.fire(browser, stack.app(), n);
    Map<String, Integer> idpAfter = stack.idp().tokenCallsByGrant();
    Map<String, Double> metricsAfter =
        PrometheusText.scrape(stack.payara().metrics(), METRIC_PREFIX);
    Browser.Me after = browser.me(stack.app());
    return new Outcome(
        before, after, burst, expiredFor, idpBefore, idpAfter, metricsBefore, metricsAfter);
  }
}
