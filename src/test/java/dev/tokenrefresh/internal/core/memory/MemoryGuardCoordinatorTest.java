package dev.tokenrefresh.internal.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.RefreshSettings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The heap guard through the coordinator: under memory pressure no new provider call starts, while
 * joining a call already in flight stays allowed.
 */
class MemoryGuardCoordinatorTest {

  private final SessionKey session = SessionKey.of("s");

  @Test
  void refresh_underMemoryPressure_refusesNewCallsButLetsCallersJoinAFlight() throws Exception {
    ScriptedEndpoint endpoint = ScriptedEndpoint.gated();
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      TokenSet inFlight = Tokens.expired();
      CompletableFuture<TokenSet> first = f.startRefresh(session, inFlight);

      f.heap.set(0.95);
      f.time.advance(Duration.ofSeconds(1));

      CompletableFuture<TokenSet> fresh = f.startRefresh(SessionKey.of("new"), Tokens.expired());
      assertThatThrownBy(() -> fresh.get(5, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              RefreshRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectionReason.MEMORY_PRESSURE));
      CompletableFuture<TokenSet> joined = f.startRefresh(session, inFlight);
      endpoint.open();
      assertThat(joined.get(5, TimeUnit.SECONDS)).isEqualTo(first.get(5, TimeUnit.SECONDS));
      assertThat(f.metrics.count("memory")).isEqualTo(1);
    }
  }

  @Test
  void refresh_withTheGuardSwitchedOff_isNeverRefusedUnderPressure() {
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
