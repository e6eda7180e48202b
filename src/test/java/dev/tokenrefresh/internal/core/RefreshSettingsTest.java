package dev.tokenrefresh.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One validated record; errors name the key, the value and the rule. */
class RefreshSettingsTest {

  @Test
  void defaults_areTheDocumentedValues() {
    RefreshSettings d = RefreshSettings.defaults();
    assertThat(d.rotationGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.maxAttempts()).isEqualTo(5);
    assertThat(d.attemptWindow()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.cooldown()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.breakerFailureThreshold()).isEqualTo(3);
    assertThat(d.breakerOpenDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.breakerHalfOpenProbes()).isEqualTo(1);
    assertThat(d.maxConcurrent()).isEqualTo(10);
    assertThat(d.maxQueued()).isEqualTo(200);
    assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.memoryPressureEnabled()).isTrue();
    assertThat(d.heapFraction()).isEqualTo(0.9);
    assertThat(d.cleanupInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(d.maxTrackedSessions()).isEqualTo(100_000);
  }

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        bad(b -> b.maxAttempts(0), "token-refresh.max-attempts must be >= 1, was 0"),
        bad(
            b -> b.rotationGrace(Duration.ofSeconds(-1)),
            "token-refresh.rotation-grace must be a duration > 0 (0 would let a request that read"
                + " the session just before a rotation redeem the rotated token again; 1s is the"
                + " least sensible value), was PT-1S"),
        bad(
            b -> b.rotationGrace(Duration.ZERO),
            "token-refresh.rotation-grace must be a duration > 0 (0 would let a request that read"
                + " the session just before a rotation redeem the rotated token again; 1s is the"
                + " least sensible value), was PT0S"),
        bad(
            b -> b.attemptWindow(Duration.ZERO),
            "token-refresh.attempt-window must be a duration > 0, was PT0S"),
        bad(
            b -> b.breakerFailureThreshold(0),
            "token-refresh.breaker.failure-threshold must be >= 1, was 0"),
        bad(
            b -> b.breakerHalfOpenProbes(0),
            "token-refresh.breaker.half-open-probes must be >= 1, was 0"),
        bad(b -> b.maxConcurrent(0), "token-refresh.max-concurrent must be >= 1, was 0"),
        bad(b -> b.maxQueued(-1), "token-refresh.max-queued must be >= 0, was -1"),
        bad(b -> b.timeout(null), "token-refresh.timeout must be a duration > 0, was null"),
        bad(
            b -> b.heapFraction(1.5),
            "token-refresh.memory-pressure.heap-fraction must be > 0 and <= 1, was 1.5"),
        bad(
            b -> b.maxTrackedSessions(0),
            "token-refresh.max-tracked-sessions must be >= 1, was 0"));
  }

  @ParameterizedTest
  @MethodSource("invalidSettings")
  void build_withInvalidValue_failsNamingKeyValueAndRule(
      UnaryOperator<RefreshSettings.Builder> change, String message) {
    assertThatThrownBy(() -> change.apply(RefreshSettings.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void toBuilder_roundTripsEveryValue() {
    RefreshSettings s = RefreshSettings.builder().maxAttempts(7).heapFraction(0.5).build();
    assertThat(s.toBuilder().build()).isEqualTo(s);
  }

  private static Arguments bad(UnaryOperator<RefreshSettings.Builder> change, String message) {
    return Arguments.of(change, message);
  }
}
