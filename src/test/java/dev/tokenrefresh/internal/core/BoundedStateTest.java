package dev.tokenrefresh.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.FakeTime;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.grace.RotationGrace;
import dev.tokenrefresh.internal.core.limit.AttemptLimiter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-session state is cleaned when stale and capped against session floods. */
class BoundedStateTest {

  private final FakeTime time = new FakeTime();

  @Test
  void cleanup_afterTheWindow_removesEveryTrackerAndGraceEntry() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      for (int i = 0; i < 100; i++) {
        TokenSet old = Tokens.expired();
        f.coordinator.refresh(SessionKey.of("u" + i), old).toCompletableFuture().get();
        f.coordinator.stored(SessionKey.of("u" + i), old);
      }
      assertThat(f.coordinator.gauges().trackedSessions().getAsInt()).isEqualTo(100);
      assertThat(f.coordinator.gauges().graceEntries().getAsInt()).isEqualTo(100);

      f.time.advance(Duration.ofSeconds(59));
      f.coordinator.cleanup();
      assertThat(f.coordinator.gauges().trackedSessions().getAsInt())
          .as("still inside the window")
          .isEqualTo(100);

      f.time.advance(Duration.ofSeconds(1));
      f.coordinator.cleanup();
      assertThat(f.coordinator.gauges().trackedSessions().getAsInt()).isZero();
      assertThat(f.coordinator.gauges().graceEntries().getAsInt()).isZero();
    }
  }

  @Test
  void limiter_atItsCap_admitsANewSessionUntracked_andKeepsLimitingTrackedOnes() {
    AttemptLimiter limiter = filledLimiter(1, 3);

    // Neither a 503 with Retry-After 60 for a legitimate new session nor a growing table.
    limiter.tryAcquire(SessionKey.of("newcomer"));
    limiter.tryAcquire(SessionKey.of("newcomer"));
    assertThat(limiter.trackedSessions()).isEqualTo(3);
    assertThatThrownBy(() -> limiter.tryAcquire(SessionKey.of("u0")))
        .as("a tracked session is still limited")
        .isInstanceOfSatisfying(
            RefreshRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.COOLDOWN));

    time.advance(Duration.ofSeconds(60));
    limiter.tryAcquire(SessionKey.of("newcomer"));
    assertThat(limiter.trackedSessions())
        .as("stale trackers purged to make room; the newcomer is tracked now")
        .isEqualTo(1);
  }

  @Test
  void limiter_atItsCap_reportsEachUntrackedAdmission() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    RefreshSettings oneTracked = RefreshSettings.builder().maxTrackedSessions(1).build();
    try (CoordinatorFixture f = new CoordinatorFixture(oneTracked, endpoint)) {
      f.coordinator.refresh(SessionKey.of("tracked"), Tokens.expired()).toCompletableFuture().get();
      assertThat(f.metrics.count("untracked")).isZero();

      f.coordinator.refresh(SessionKey.of("a"), Tokens.expired()).toCompletableFuture().get();
      f.coordinator.refresh(SessionKey.of("b"), Tokens.expired()).toCompletableFuture().get();

      assertThat(endpoint.calls()).as("all three refreshed").isEqualTo(3);
      assertThat(f.metrics.count("untracked")).isEqualTo(2);
    }
  }

  @Test
  void limiter_atItsCap_purgesAtMostOncePerSecondHoweverManyNewSessionsArrive() {
    AttemptLimiter limiter = filledLimiter(5, 100);
    long before = limiter.purges();

    for (int i = 0; i < 10_000; i++) {
      limiter.tryAcquire(SessionKey.of("flood" + i));
    }
    assertThat(limiter.purges() - before).as("inline purges for 10 000 new sessions").isEqualTo(1);

    time.advance(Duration.ofSeconds(1));
    limiter.tryAcquire(SessionKey.of("one more"));
    assertThat(limiter.purges() - before).isEqualTo(2);
  }

  @Test
  void limiter_cooldownSessions_areKeptUntilTheCooldownEnds() {
    AttemptLimiter limiter = limiter(1, Duration.ofSeconds(1), 10);
    SessionKey s = SessionKey.of("loop");
    limiter.tryAcquire(s);
    assertThatThrownBy(() -> limiter.tryAcquire(s)).isInstanceOf(RefreshRejectedException.class);

    time.advance(Duration.ofSeconds(10));
    limiter.cleanup();
    assertThat(limiter.trackedSessions()).isEqualTo(1);
    time.advance(Duration.ofSeconds(20));
    limiter.cleanup();
    assertThat(limiter.trackedSessions()).isZero();
  }

  @Test
  void grace_atItsCap_dropsNewEntriesInsteadOfGrowing() {
    RotationGrace grace = new RotationGrace(Duration.ofSeconds(30), 2, time);
    SessionKey s = SessionKey.of("s");
    assertThat(grace.remember(Fingerprint.of("a"), s, Tokens.rotated())).isTrue();
    assertThat(grace.remember(Fingerprint.of("b"), s, Tokens.rotated())).isTrue();
    assertThat(grace.remember(Fingerprint.of("c"), s, Tokens.rotated())).isFalse();
    assertThat(grace.size()).isEqualTo(2);

    grace.delivered(Fingerprint.of("a"), s);
    grace.delivered(Fingerprint.of("b"), s);
    time.advance(Duration.ofSeconds(30));
    assertThat(grace.remember(Fingerprint.of("c"), s, Tokens.rotated())).isTrue();
    assertThat(grace.size()).isEqualTo(1);
  }

  @Test
  void grace_atItsCap_purgesAtMostOncePerSecondHoweverManyRotationsArrive() {
    RotationGrace grace = new RotationGrace(Duration.ofSeconds(30), 100, time);
    SessionKey s = SessionKey.of("s");
    for (int i = 0; i < 100; i++) {
      grace.remember(Fingerprint.of("r" + i), s, Tokens.rotated());
    }
    long before = grace.purges();

    for (int i = 0; i < 10_000; i++) {
      assertThat(grace.remember(Fingerprint.of("flood" + i), s, Tokens.rotated())).isFalse();
    }
    assertThat(grace.purges() - before).as("inline purges for 10 000 new rotations").isEqualTo(1);
  }

  @Test
  void metrics_gaugesReadTheLiveState() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      var flight =
          f.coordinator.refresh(SessionKey.of("s"), Tokens.expired()).toCompletableFuture();
      assertThat(f.metrics.gauges().activeFlights().getAsInt()).isEqualTo(1);
      assertThat(f.metrics.gauges().inFlightCalls().getAsInt()).isEqualTo(1);
      assertThat(f.metrics.gauges().trackedSessions().getAsInt()).isEqualTo(1);
      endpoint.open();
      flight.get();
      assertThat(f.metrics.count("requested")).isEqualTo(1);
      assertThat(f.metrics.count("succeeded")).isEqualTo(1);
      assertThat(f.metrics.gauges().graceEntries().getAsInt()).isEqualTo(1);
    }
  }

  /**
   * {@code maxAttempts} per {@code window}, a 30 s cooldown, at most {@code maxTracked} sessions.
   */
  private AttemptLimiter limiter(int maxAttempts, Duration window, int maxTracked) {
    return new AttemptLimiter(
        maxAttempts, window, Duration.ofSeconds(30), maxTracked, time, () -> {}, () -> {});
  }

  /** A limiter with a minute's window, at its cap: sessions u0, u1, ... made one attempt each. */
  private AttemptLimiter filledLimiter(int maxAttempts, int maxTracked) {
    AttemptLimiter limiter = limiter(maxAttempts, Duration.ofSeconds(60), maxTracked);
    for (int i = 0; i < maxTracked; i++) {
      limiter.tryAcquire(SessionKey.of("u" + i));
    }
    return limiter;
  }
}
