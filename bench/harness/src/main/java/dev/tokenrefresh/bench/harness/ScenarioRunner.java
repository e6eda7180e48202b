package dev.tokenrefresh.bench.harness;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one strategy through one scenario with fresh state: a new provider, new sessions, new
 * request threads and a new strategy instance, all released when it ends. Not thread-safe.
 */
final class ScenarioRunner {

  private final Clock clock = Clock.systemUTC();
  private final ResourceSampler sampler = new ResourceSampler();

  /** Live threads between scenarios. */
  int baselineThreads() {
    return sampler.liveThreads();
  }

  ScenarioResult run(Scenario scenario, StrategySpec spec) throws InterruptedException {
    RotatingIdp idp = new RotatingIdp(scenario.idpLatency(), clock);
    List<SimulatedSession> sessions = new ArrayList<>();
    for (int s = 0; s < scenario.sessions(); s++) {
      sessions.add(new SimulatedSession("session-" + s, idp.login("g" + s)));
    }
    SimulatedSession other = new SimulatedSession("other-user", idp.loginValid("other"));
    RequestLog log = new RequestLog(scenario.burst() + scenario.otherUserRequests());
    try (RequestThreads threads = scenario.requestThreadsFor(spec);
        Strategy strategy = spec.create(idp, threads, clock)) {
      for (int i = 0; i < scenario.burst(); i++) {
        // Interleaved, so that every session's requests are spread over the whole burst.
        SimulatedSession session = sessions.get(i % sessions.size());
        Completion done = log.completion(i, RequestLog.BURST);
        threads.enqueue(() -> strategy.handle(session, done));
      }
      sampler.start();
      long start = log.startBurst();
      threads.release();
      sendOtherUser(scenario, start, threads, strategy, other, log);
      log.awaitAll(scenario.deadline());
      double wallMs = (System.nanoTime() - start) / 1e6;
      return result(scenario, spec.name(), threads, idp, sessions, log, wallMs);
    }
  }

  private ScenarioResult result(
      Scenario scenario,
      String strategy,
      RequestThreads threads,
      RotatingIdp idp,
      List<SimulatedSession> sessions,
      RequestLog log,
      double wallMs)
      throws InterruptedException {
    int burst = scenario.burst();
    return new ScenarioResult(
        scenario.id(),
        strategy,
        threads.label(),
        scenario.sessions(),
        scenario.requestsPerSession(),
        scenario.idpLatency().toMillis(),
        idp.calls(),
        idp.peakConcurrentCalls(),
        log.summarize(0, burst),
        (int) sessions.stream().filter(s -> isLost(s, idp)).count(),
        sampler.stop(),
        threads.peakHeld(),
        log.summarize(burst, burst + scenario.otherUserRequests()),
        scenario.otherUserRequests(),
        wallMs);
  }

  /** The other user's requests, open loop: each at its own time, whatever the earlier ones do. */
  private static void sendOtherUser(
      Scenario scenario,
      long start,
      RequestThreads threads,
      Strategy strategy,
      SimulatedSession other,
      RequestLog log)
      throws InterruptedException {
    long spacing = Scenario.OTHER_USER_SPACING.toNanos();
    for (int j = 0; j < scenario.otherUserRequests(); j++) {
      long due = start + (j + 1) * spacing;
      TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
      Completion done = log.completion(scenario.burst() + j, System.nanoTime());
      threads.execute(() -> strategy.handle(other, done));
    }
  }

  /** A session is lost when it holds no tokens, or tokens the provider will refuse. */
  private static boolean isLost(SimulatedSession session, RotatingIdp idp) {
    return session.tokens() == null || !idp.accepts(session.tokens());
  }
}
