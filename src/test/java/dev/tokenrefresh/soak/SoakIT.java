package dev.tokenrefresh.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.ContainerIT;
import dev.tokenrefresh.it.support.Http;
import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.IdpStep;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import dev.tokenrefresh.jakarta.metrics.MetricNames;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The soak (docs/soak.md): {@code soak.sessions} sessions (20) whose tokens live {@link
 * #TOKEN_LIFETIME}, each sending a request every {@code soak.interval-ms} (300 ms), for {@code
 * soak.minutes} (10), while the provider is now and then slow or failing; once a minute the
 * server's heap after a full GC, its live threads and the module's gauges are sampled. Asserts that
 * nothing grows and that no session is lost; writes the table, a CSV and an SVG chart to {@code
 * target/soak}. On demand only ({@code -Dsoak=true}): {@code mvn -B verify -Dit.wildfly.skip
 * -Dit.payara7.skip -Dit.test=SoakIT -Dsoak=true -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "soak", matches = "true")
class SoakIT extends ContainerIT {

  static final Duration TOKEN_LIFETIME = Duration.ofSeconds(6);

  private static final int SESSIONS = Integer.getInteger("soak.sessions", 20);
  private static final int MINUTES = Integer.getInteger("soak.minutes", 10);
  private static final long INTERVAL_MS = Long.getLong("soak.interval-ms", 300);

  @Deployment(testable = false)
  static WebArchive deployment() {
    // a refresh every ~3 s per session: allow them (60 a minute), keep everything else as tested
    return deployment(
            "token-refresh-soak.war",
            Map.of("token-refresh.max-attempts", "60", "token-refresh.attempt-window", "60s"))
        .addClass(SoakProbeServlet.class);
  }

  @ArquillianResource URL base;

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong transientErrors = new AtomicLong();
  private final AtomicLong sessionEnds = new AtomicLong();
  private final AtomicLong otherAnswers = new AtomicLong();

  @Test
  void sessionsRefreshingEverySecondsForMinutes_growNothing_andNoneIsLost() throws Exception {
    TestApp app = new TestApp(base);
    MockIdp idp = MockIdp.shared();
    idp.reset();
    idp.idpTokensLive(TOKEN_LIFETIME);
    List<UserSession> sessions = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      sessions.add(app.loginExpired());
    }
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> load = new ArrayList<>();
    for (UserSession session : sessions) {
      Thread t = new Thread(() -> drive(session, running), "soak-load");
      t.setDaemon(true);
      load.add(t);
    }
    ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
    List<SoakSample> samples = new ArrayList<>();
    try {
      load.forEach(Thread::start);
      faults.scheduleAtFixedRate(new FaultScript(idp), 10, 20, TimeUnit.SECONDS);
      long started = System.nanoTime();
      long[] last = new long[5];
      for (int minute = 0; minute <= MINUTES; minute++) {
        long due = started + TimeUnit.MINUTES.toNanos(minute);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        samples.add(sample(app, idp, minute, last));
        System.out.println("[soak] " + samples.get(samples.size() - 1).markdownRow());
      }
    } finally {
      running.set(false);
      faults.shutdownNow();
      for (Thread t : load) {
        t.join(10_000);
      }
      idp.reset();
    }
    write(samples);

    assertThat(sessionEnds.get()).as("401s: sessions lost during the soak").isZero();
    for (UserSession session : sessions) {
      assertThat(session.storedTokens()).as("a session still holds tokens").isPresent();
      awaitEchoAnswered200("a session still served", session, Duration.ofMillis(200));
    }
    assertFlat(samples);
  }

  /** One session's steady load: a request every interval, the answers counted. */
  private void drive(UserSession session, AtomicBoolean running) {
    while (running.get()) {
      try {
        int status = session.get("/echo").statusCode();
        requests.incrementAndGet();
        switch (status) {
          case 200 -> ok.incrementAndGet();
          case 429, 503 -> transientErrors.incrementAndGet();
          case 401 -> sessionEnds.incrementAndGet();
          default -> otherAnswers.incrementAndGet();
        }
        Thread.sleep(INTERVAL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        otherAnswers.incrementAndGet();
      }
    }
  }

  private SoakSample sample(TestApp app, MockIdp idp, int minute, long[] last) {
    Properties probe = probe(app);
    Metrics m = app.metrics();
    long[] now = {requests.get(), ok.get(), transientErrors.get(), sessionEnds.get(), 0};
    now[4] = idp.refreshCalls();
    SoakSample s =
        new SoakSample(
            minute,
            Long.parseLong(probe.getProperty("heapAfterGc")) / (1024.0 * 1024.0),
            Integer.parseInt(probe.getProperty("liveThreads")),
            (int) m.gauge(MetricNames.QUEUED),
            (int) m.gauge(MetricNames.IN_FLIGHT),
            (int) m.gauge(MetricNames.ACTIVE_FLIGHTS),
            (int) m.gauge(MetricNames.TRACKED_SESSIONS),
            (int) m.gauge(MetricNames.GRACE_ENTRIES),
            now[0] - last[0],
            now[1] - last[1],
            now[2] - last[2],
            now[3] - last[3],
            now[4] - last[4]);
    System.arraycopy(now, 0, last, 0, now.length);
    return s;
  }

  private static Properties probe(TestApp app) {
    HttpResponse<String> r =
        Http.send(HttpRequest.newBuilder(app.uri("/support/soak-probe")).GET());
    assertThat(r.statusCode()).as("soak probe").isEqualTo(200);
    Properties p = new Properties();
    try {
      p.load(new StringReader(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /**
   * Flat: after the first minute (warm-up), heap after GC, live threads, tracked sessions and grace
   * entries at the end are within a margin of the largest value of the first half.
   */
  private void assertFlat(List<SoakSample> samples) {
    List<SoakSample> steady = samples.subList(1, samples.size());
    List<SoakSample> firstHalf = steady.subList(0, Math.max(1, steady.size() / 2));
    SoakSample end = samples.get(samples.size() - 1);
    double heap = firstHalf.stream().mapToDouble(SoakSample::heapAfterGcMiB).max().orElseThrow();
    int threads = firstHalf.stream().mapToInt(SoakSample::liveThreads).max().orElseThrow();
    int tracked = firstHalf.stream().mapToInt(SoakSample::trackedSessions).max().orElseThrow();
    int grace = firstHalf.stream().mapToInt(SoakSample::graceEntries).max().orElseThrow();
    assertThat(end.heapAfterGcMiB()).as("heap after GC").isLessThanOrEqualTo(heap * 1.25 + 8);
    assertThat(end.liveThreads()).as("live threads").isLessThanOrEqualTo(threads + 10);
    assertThat(end.trackedSessions()).as("tracked sessions").isLessThanOrEqualTo(tracked + 5);
    assertThat(end.graceEntries()).as("grace entries").isLessThanOrEqualTo(grace * 2 + 10);
    assertThat(otherAnswers.get()).as("answers other than 200, 401, 429, 503").isZero();
  }

  private static void write(List<SoakSample> samples) throws IOException {
    Path dir = Path.of(System.getProperty("soak.out", "target/soak"));
    Files.createDirectories(dir);
    StringBuilder csv = new StringBuilder(SoakSample.CSV_HEADER).append('\n');
    StringBuilder table =
        new StringBuilder("| ")
            .append(SoakSample.CSV_HEADER.replace(",", " | "))
            .append(" |\n|")
            .append(" --- |".repeat(SoakSample.CSV_HEADER.split(",").length))
            .append('\n');
    for (SoakSample s : samples) {
      csv.append(s.csv()).append('\n');
      table.append(s.markdownRow()).append('\n');
    }
    Files.writeString(dir.resolve("soak.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("soak.md"), table, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("soak.svg"), SoakChart.svg(samples), StandardCharsets.UTF_8);
  }

  /**
   * The provider's bad moments, one every 20 s in turn: two refreshes answered 503; three answered
   * 1.5 s late (within the read timeout, genuinely rotated); one answered never in time (canned, so
   * the provider rotates nothing the module does not see).
   */
  private static final class FaultScript implements Runnable {

    private final MockIdp idp;
    private int turn;

    FaultScript(MockIdp idp) {
      this.idp = idp;
    }

    @Override
    public void run() {
      switch (turn++ % 3) {
        case 0 -> idp.answerNextRefreshes(IdpReplies.unavailable(), IdpReplies.unavailable());
        case 1 -> {
          IdpStep slow = IdpStep.passThrough().after(Duration.ofMillis(1500));
          idp.answerNextRefreshes(slow, slow, slow);
        }
        default ->
            idp.answerNextRefreshes(
                IdpReplies.freshTokens().after(TestSettings.READ_TIMEOUT.plusSeconds(2)));
      }
    }
  }
}
