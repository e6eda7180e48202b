package dev.tokenrefresh.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.support.CoordinatorFixture;
import dev.tokenrefresh.core.support.ScriptedEndpoint;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.SessionKey;
import org.junit.jupiter.api.Test;

/**
 * No unsafe retry: a provider call that failed after its request may have been sent is never
 * repeated (the refresh token may already be spent); one refused before sending is retried once.
 */
class SafeRetryCoordinatorTest {

  private static final IdpFaultException REFUSED =
      new IdpFaultException(FaultKind.IO, "connection refused", true, null);
  private static final IdpFaultException RESET =
      IdpFaultException.of(FaultKind.IO, "connection reset");

  private final SessionKey session = SessionKey.of("s");

  @Test
  void refresh_failingAfterTheRequestMayHaveBeenSent_isNeverRetried() {
    assertThat(callsOfARefreshFailingWith(RESET)).isEqualTo(1);
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
    assertThat(callsOfARefreshFailingWith(REFUSED)).isEqualTo(2);
  }

  /**
   * Refreshes once against a provider that always throws {@code fault}, asserts the refresh fails
   * with it, and returns the provider calls it took.
   */
  private int callsOfARefreshFailingWith(IdpFaultException fault) {
    ScriptedEndpoint endpoint = ScriptedEndpoint.immediate().thenThrow(fault);
    try (CoordinatorFixture f = new CoordinatorFixture(endpoint)) {
      assertThatThrownBy(
              () -> f.coordinator.refresh(session, Tokens.expired()).toCompletableFuture().get())
          .hasCause(fault);
      return endpoint.calls();
    }
  }
}
