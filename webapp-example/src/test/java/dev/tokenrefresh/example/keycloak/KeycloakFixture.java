package dev.tokenrefresh.example.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.example.demo.Burst;
import dev.tokenrefresh.example.demo.DemoPaths;
import dev.tokenrefresh.example.demo.PrometheusText;
import dev.tokenrefresh.example.keycloak.UserSessions.Session;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What the Keycloak suites share: the running Keycloak with the suite's realm and an admin client,
 * the suite's work directory and report, and what every scenario does: wait until its sessions'
 * tokens have expired, count at Keycloak and in the module before and after its burst, check that
 * Keycloak kept the sessions. Each suite class uses one. Immutable but for the report, which is
 * thread-safe.
 *
 * @param server the Keycloak the build started
 * @param realm the realm it imported
 * @param admin its admin API, for that realm
 * @param workDir where the suite writes Payara's files and its results
 * @param report the numbers of the suite's scenarios
 */
public record KeycloakFixture(
    KeycloakServer server, RealmFile realm, KeycloakAdmin admin, Path workDir, SuiteReport report) {

  /** The requests of a one-session burst. */
  public static final int BURST = 200;

  /** The requests of each session in a "many sessions" scenario. */
  public static final int PER_USER = 20;

  /** The module's count of token-endpoint calls, as Payara's Prometheus text names it. */
  public static final String IDP_CALLS = PrometheusText.counter(MetricNames.IDP_CALLS);

  /** The module's refresh-ahead: refresh only once the token is (nearly) expired. */
  public static final Duration REFRESH_AHEAD = Duration.ofSeconds(1);

  /**
   * The Keycloak the build started (system property {@code keycloak.properties}) and its realm.
   *
   * @param workSubdirectory the work directory below {@code keycloak.e2e.work-dir} (default {@code
   *     target/keycloak-e2e}); none: that directory itself
   */
  public static KeycloakFixture fromSystemProperties(String... workSubdirectory)
      throws IOException {
    KeycloakServer server = KeycloakServer.fromSystemProperties();
    RealmFile realm = RealmFile.read(server.realmFile());
    return new KeycloakFixture(
        server,
        realm,
        new KeycloakAdmin(server, realm.realm()),
        Path.of(
            System.getProperty("keycloak.e2e.work-dir", "target/keycloak-e2e"), workSubdirectory),
        new SuiteReport());
  }

  /** The built WAR, Payara Micro and {@code payara-config/}, with this suite's work directory. */
  public DemoPaths paths() {
    DemoPaths built = DemoPaths.fromSystemProperties();
    return new DemoPaths(built.war(), built.payaraMicro(), built.payaraConfig(), workDir)
        .requireBuilt();
  }

  /** The module's settings for this Keycloak (issuer, client id, refresh-ahead), to add to. */
  public Map<String, String> moduleConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("token-refresh.oidc.issuer", server.issuer(realm.realm()).toString());
    config.put("token-refresh.oidc.client-id", realm.clientId());
    config.put("token-refresh.refresh-ahead", REFRESH_AHEAD.toMillis() + "ms");
    return config;
  }

  /** {@code format} with 1 to {@code n}, e.g. {@code many-user-%02d}. */
  public static List<String> numbered(String format, int n) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add(String.format(format, i));
    }
    return names;
  }

  /**
   * One scenario: waits until the sessions' login tokens have expired, counts, fires the burst,
   * counts again and the sessions Keycloak lost, and adds the numbers to the report.
   *
   * @param metrics the module's metrics endpoint
   */
  public ScenarioRun measure(
      String scenario, List<Session> sessions, URI metrics, Callable<Burst.Result> burst)
      throws Exception {
    awaitExpiry(sessions.stream().mapToLong(Session::loginExp).max().orElseThrow());
    Observation before = observe(metrics);
    Burst.Result result = burst.call();
    Observation after = observe(metrics);
    int lost = 0;
    for (Session s : sessions) {
      lost += lost(s);
    }
    report.add(ScenarioNumbers.of(scenario, sessions.size(), result, before, after, lost));
    return new ScenarioRun(result, before, after, lost);
  }

  /** The assertion every "one refresh" scenario makes; the negative controls show it can fail. */
  public void assertOneRefreshAndAlive(Session s, ScenarioRun run) throws Exception {
    Burst.Result burst = run.burst();
    assertThat(burst.successes())
        .as("answered 200 (first others: %s)", burst.failures())
        .isEqualTo(burst.requests());
    assertThat(run.refreshes()).as("refreshes Keycloak answered").isEqualTo(1);
    assertThat(run.refusals()).as("refreshes Keycloak refused").isZero();
    assertThat(lost(s)).as("sessions lost at Keycloak").isZero();
  }

  /**
   * A negative control's proof that the assertion can fail: {@link #assertOneRefreshAndAlive} does
   * fail on {@code run}.
   *
   * @param why what the failure shows, for the report of a control that passed
   */
  public void assertCaughtByOneRefreshAndAlive(Session s, ScenarioRun run, String why) {
    assertThatThrownBy(() -> assertOneRefreshAndAlive(s, run))
        .as(why)
        .isInstanceOf(AssertionError.class);
  }

  /** The assertion of the "many sessions" scenarios: one refresh per session, none lost. */
  public void assertOneRefreshPerSession(List<Session> sessions, ScenarioRun run) {
    Burst.Result burst = run.burst();
    assertThat(burst.successes())
        .as("answered 200 (first others: %s)", burst.failures())
        .isEqualTo(burst.requests());
    assertThat(run.refusals()).as("refreshes Keycloak refused").isZero();
    for (Session s : sessions) {
      assertThat(run.refreshesOf(s.userId()))
          .as("Keycloak's refreshes of %s", s.username())
          .isEqualTo(1);
    }
    assertThat(run.lostSessions()).as("sessions lost at Keycloak").isZero();
  }

  /** 1 when Keycloak no longer holds the session's client session, else 0. */
  public int lost(Session s) throws Exception {
    return admin.hasClientSession(s.userId(), realm.clientId()) ? 0 : 1;
  }

  /** Real time: the tokens' expiry is real time. */
  public static void awaitExpiry(long expEpochSeconds) throws InterruptedException {
    long wait = expEpochSeconds * 1000 + 500 - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  /** The scenarios of a suite whose module publishes its metrics at {@code metrics}. */
  public ScenarioMeter meterAt(URI metrics) {
    return new ScenarioMeter(this, metrics);
  }

  /** Keycloak's and the module's counts now. */
  public Observation observe(URI metrics) throws Exception {
    return Observation.take(admin, metrics);
  }

  /**
   * Prints and writes the suite's report to {@code results} in its work directory, then closes
   * {@code app}; either may be {@code null} when the suite's start failed before it existed.
   */
  public static void publishThenClose(KeycloakFixture fixture, String results, AutoCloseable app)
      throws Exception {
    try {
      if (fixture != null) {
        fixture.report.publish(fixture.workDir.resolve(results));
      }
    } finally {
      if (app != null) {
        app.close();
      }
    }
  }
}
