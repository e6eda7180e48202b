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
}
