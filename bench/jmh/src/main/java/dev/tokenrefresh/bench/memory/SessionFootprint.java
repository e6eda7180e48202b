package dev.tokenrefresh.bench.memory;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Measures the heap the coordinator retains for N sessions that each refreshed once: their attempt
 * trackers and their rotation-grace entries. The grace entries hold the sessions' new tokens, so
 * their size depends on the tokens: the run uses tokens of a realistic size (a 1 200 character
 * access token, an 800 character refresh token) and reports both parts.
 *
 * <p>Run: {@code mvn -B -f bench/jmh/pom.xml package exec:exec@footprint}. Prints a table.
 */
public final class SessionFootprint {

  private static final int SESSIONS = 100_000;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private SessionFootprint() {}

  public static void main(String[] args) throws Exception {
    ExecutorService direct = Executors.newSingleThreadExecutor();
    try {
      long base = retainedHeap();
      // rotation-grace must be > 0: the shortest one, every rotation stored and then purged.
      RefreshCoordinator trackersOnly = coordinator(Duration.ofNanos(1), direct);
      TokenSet[] sessionsA = refreshAll(trackersOnly, 0);
      storeAndPurge(trackersOnly, 0);
      long storeAndTrackers = retainedHeap() - base;
      keep(trackersOnly, sessionsA);

      RefreshCoordinator withGrace = coordinator(Duration.ofSeconds(30), direct);
      long before = retainedHeap();
      TokenSet[] sessionsB = refreshAll(withGrace, 1);
      long storeTrackersGrace = retainedHeap() - before;
      keep(withGrace, sessionsB);

      long tokensInSessions = tokenBytes(sessionsB);
      System.out.printf(Locale.ROOT, "%-56s %10s %14s%n", "what", "MiB", "bytes/session");
      row("the sessions' own tokens (held by the session store)", tokensInSessions);
      row(
          "attempt trackers (coordinator, grace entries purged)",
          storeAndTrackers - tokensInSessions);
      row(
          "grace entries (they share the sessions' TokenSets)",
          storeTrackersGrace - storeAndTrackers);
      row("coordinator total: trackers + grace entries", storeTrackersGrace - tokensInSessions);
      System.out.printf(
          Locale.ROOT,
          "sessions: %d, tracked: %d, grace entries: %d, heap max: %d MiB%n",
          SESSIONS,
          withGrace.gauges().trackedSessions().getAsInt(),
          withGrace.gauges().graceEntries().getAsInt(),
          Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      direct.shutdownNow();
    }
  }

  private static RefreshCoordinator coordinator(Duration grace, ExecutorService executor) {
    String access = "a".repeat(1_200);
    String refresh = "r".repeat(790);
    int[] serial = {0};
    return new RefreshCoordinator(
        RefreshSettings.builder().rotationGrace(grace).memoryPressureEnabled(false).build(),
        new CoordinatorPorts(
            current ->
                new TokenSet(
                    access + serial[0], refresh + serial[0]++, null, T0.plusSeconds(300), T0),
            executor,
            (task, delay) -> () -> {},
            Ticker.system(),
            () -> 0.0,
            RefreshMetrics.noop()));
  }

  /** Refreshes N sessions once; returns their new tokens, as a session store would hold them. */
  private static TokenSet[] refreshAll(RefreshCoordinator coordinator, int run) throws Exception {
    TokenSet[] sessions = new TokenSet[SESSIONS];
    for (int i = 0; i < SESSIONS; i++) {
      TokenSet expired = expired(run, i);
      sessions[i] =
          coordinator
              .refresh(SessionKey.of("s-" + run + "-" + i), expired)
              .toCompletableFuture()
              .get();
    }
    return sessions;
  }

  /** Tells the coordinator every session stored its rotation, then purges the expired entries. */
  private static void storeAndPurge(RefreshCoordinator coordinator, int run) {
    for (int i = 0; i < SESSIONS; i++) {
      coordinator.stored(SessionKey.of("s-" + run + "-" + i), expired(run, i));
    }
    coordinator.cleanup();
  }

  private static TokenSet expired(int run, int i) {
    return new TokenSet(
        "x", "old-" + run + "-" + i, null, T0.minusSeconds(1), T0.minusSeconds(301));
  }

  /** Heap of the token sets themselves: measured on a copy of them. */
  private static long tokenBytes(TokenSet[] sessions) throws InterruptedException {
    long before = retainedHeap();
    TokenSet[] copy = new TokenSet[sessions.length];
    for (int i = 0; i < sessions.length; i++) {
      TokenSet t = sessions[i];
      copy[i] =
          new TokenSet(
              new String(t.accessToken().toCharArray()),
              new String(t.refreshToken().toCharArray()),
              null,
              t.accessTokenExpiresAt(),
              t.issuedAt());
    }
    long after = retainedHeap();
    java.lang.ref.Reference.reachabilityFence(copy);
    return after - before;
  }

  private static long retainedHeap() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void row(String what, long bytes) {
    System.out.printf(
        Locale.ROOT, "%-56s %10.1f %14d%n", what, bytes / 1048576.0, bytes / SESSIONS);
  }

  private static final java.util.List<Object> KEPT = new java.util.ArrayList<>();

  private static void keep(Object a, Object b) {
    KEPT.add(a);
    if (b != null) {
      KEPT.add(b);
    }
  }
}
