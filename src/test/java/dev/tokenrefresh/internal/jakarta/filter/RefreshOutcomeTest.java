package dev.tokenrefresh.internal.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The README's HTTP outcomes table, one assertion per row. */
class RefreshOutcomeTest {

  @Test
  void deadGrant_is401AndEndsTheSession() {
    assertThat(RefreshOutcome.of(new GrantRevokedException("invalid_grant")))
        .isEqualTo(new RefreshOutcome(401, "session_expired", null, true));
  }

  @ParameterizedTest(name = "{0} retryable after {1} ms: {2} {3}, Retry-After {4}")
  @CsvSource({
    // A session's own loop: 429, with the time left rounded up.
    "COOLDOWN, 2100, 429, cooldown, 3",
    // Breaker, limit, heap: 503 with at least a second's Retry-After.
    "CIRCUIT_OPEN, 0, 503, circuit_open, 1",
    "SATURATED, 0, 503, saturated, 1",
    "MEMORY_PRESSURE, 0, 503, memory_pressure, 1",
    // The grid's retry-after.
    "CLUSTER_UNAVAILABLE, 5000, 503, cluster_unavailable, 5",
    // The time until the next discovery attempt.
    "IDP_NOT_READY, 3500, 503, idp_not_ready, 4"
  })
  void aRejection_isItsStatusAndTag_withRetryAfterRoundedUp_andKeepsTheSession(
      RejectionReason reason, long retryAfterMillis, int status, String error, long retryAfter) {
    assertThat(
            RefreshOutcome.of(
                new RefreshRejectedException(reason, Duration.ofMillis(retryAfterMillis))))
        .isEqualTo(new RefreshOutcome(status, error, retryAfter, false));
  }

  @Test
  void providerFaults_are503AndKeepTheSession() {
    assertThat(RefreshOutcome.of(IdpFaultException.of(FaultKind.TIMEOUT, "slow")))
        .isEqualTo(new RefreshOutcome(503, "idp_timeout", 5L, false));
    assertThat(RefreshOutcome.of(IdpFaultException.of(FaultKind.MALFORMED_RESPONSE, "garbage")))
        .isEqualTo(new RefreshOutcome(503, "idp_unavailable", 5L, false));
  }

  @Test
  void rejectedClient_is503WithItsOwnError_andKeepsTheSession() {
    assertThat(RefreshOutcome.of(IdpFaultException.of(FaultKind.CLIENT_REJECTED, "invalid_client")))
        .isEqualTo(new RefreshOutcome(503, "client_rejected", 5L, false));
  }

  @Test
  void anythingUnexpected_is503NotA500() {
    assertThat(RefreshOutcome.of(new IllegalStateException("bug")).status()).isEqualTo(503);
  }
}
