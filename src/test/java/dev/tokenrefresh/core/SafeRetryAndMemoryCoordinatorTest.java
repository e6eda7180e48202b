package dev.tokenrefresh.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Rules 7 and 8: no unsafe retry; the heap guard. */
class SafeRetryAndMemoryCoordinatorTest {

  private static final IdpFaultException REFUSED =
      new IdpFaultException(FaultKind.IO, "connection refused", true, null);
  private static final IdpFaultException RESET =
      IdpFaultException.of(FaultKind.IO, "connection reset");

  private final SessionKey session = SessionKey.of("s");

  @Test
  void refresh_failingAfterTheRequestMayHaveBeenSent_isNeverRetried() {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate().thenThrow(RESET);
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      assertThatThrownBy(
              () -> f.coordinator.refresh(session, Tokens.expired()).toCompletableFuture().get())
          .hasCause(RESET);
      assertThat(endpoint.calls()).isEqualTo(1);
    }
  }

  @Test
  void refresh_refusedBeforeSending_isRetriedOnce() throws Exception {
    ScriptedEndpoint endpoint =
        ScriptedEndpoint.immediate().thenThrow(REFUSED).then(current -> Tokens.rotated());
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      assertThat(f.coordinator.refresh(session, Tokens.expired()).toCompletableFuture().get())
          .isNotNull();
      assertThat(endpoint.calls()).isEqualTo(2);
      assertThat(f.metrics.count("retried")).isEqualTo(1);
    }
  }

  @Test
  void refresh_refusedTwice_isRetriedOnlyOnce() {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate().thenThrow(REFUSED);
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      assertThatThrownBy(
              () -> f.coordinator.refresh(session, Tokens.expired()).toCompletableFuture().get())
          .hasCause(REFUSED);
      assertThat(endpoint.calls()).isEqualTo(2);
    }
  }

  @Test
  void refresh_underMemoryPressure_refusesNewCallsButLetsCallersJoinAFlight() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet inFlight = Tokens.expired();
      CompletableFuture<TokenSet> first =
          f.coordinator.refresh(session, inFlight).toCompletableFuture();

      f.heap.set(0.95);
      f.time.advance(Duration.ofSeconds(1));

      CompletableFuture<TokenSet> fresh =
          f.coordinator.refresh(SessionKey.of("new"), Tokens.expired()).toCompletableFuture();
      assertThatThrownBy(() -> fresh.get(5, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              RefreshRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectionReason.MEMORY_PRESSURE));
      CompletableFuture<TokenSet> joined =
          f.coordinator.refresh(session, inFlight).toCompletableFuture();
      endpoint.open();
      assertThat(joined.get(5, TimeUnit.SECONDS)).isEqualTo(first.get(5, TimeUnit.SECONDS));
      assertThat(f.metrics.count("memory")).isEqualTo(1);
    }
  }

  @Test
  void memoryGuard_samplesTheHeapAtMostOncePerInterval() throws Exception {
    int[] samples = new int[1];
    dev.tokenrefresh.core.memory.MemoryGuard guard =
        new dev.tokenrefresh.core.memory.MemoryGuard(
            true,
            0.9,
            Duration.ofSeconds(1),
            () -> {
              samples[0]++;
              return 0.5;
            },
            new dev.tokenrefresh.core.support.FakeTime(),
            () -> {});
    for (int i = 0; i < 10_000; i++) {
      assertThat(guard.underPressure()).isFalse();
    }
    assertThat(samples[0]).isEqualTo(1);
  }

  @Test
  void memoryGuard_switchedOff_neverRefuses() {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate();
    RefreshSettings off = RefreshSettings.builder().memoryPressureEnabled(false).build();
    try (CoordinatorFixture f = new CoordinatorFixture(off, endpoint)) {
      f.heap.set(0.99);
      f.time.advance(Duration.ofSeconds(2));
      assertThat(f.coordinator.refresh(session, Tokens.expired()).toCompletableFuture().join())
          .isNotNull();
    }
  }
}
