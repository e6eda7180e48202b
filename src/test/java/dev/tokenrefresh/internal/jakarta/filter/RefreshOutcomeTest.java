package dev.tokenrefresh.internal.jakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's HTTP outcomes table, one assertion per row. */
class RefreshOutcomeTest {

  @Test
  void deadGrant_is401AndEndsTheSession() {
    assertThat(RefreshOutcome.of(new GrantRevokedException("invalid_grant")))
        .isEqualTo(new RefreshOutcome(401, "session_expired", null, true));
  }

  @Test
  void cooldown_is429WithTheTimeLeftRoundedUp() {
    assertThat(
            RefreshOutcome.of(
                new RefreshRejectedException(RejectionReason.COOLDOWN, Duration.ofMillis(2100))))
        .isEqualTo(new RefreshOutcome(429, "cooldown", 3L, false));
  }

  @Test
  void otherRejections_are503WithRetryAfterAndKeepTheSession() {
    for (RejectionReason r :
        new RejectionReason[] {
          RejectionReason.CIRCUIT_OPEN, RejectionReason.SATURATED, RejectionReason.MEMORY_PRESSURE
        }) {
      assertThat(RefreshOutcome.of(new RefreshRejectedException(r, Duration.ZERO)))
          .isEqualTo(new RefreshOutcome(503, r.tag(), 1L, false));
    }
  }

  @Test
  void clusterUnavailable_is503WithTheGridsRetryAfterAndKeepsTheSession() {
    assertThat(
            RefreshOutcome.of(
                new RefreshRejectedException(
                    RejectionReason.CLUSTER_UNAVAILABLE, Duration.ofSeconds(5))))
        .isEqualTo(new RefreshOutcome(503, "cluster_unavailable", 5L, false));
  }

  @Test
  void providerNotReachedYet_is503IdpNotReadyWithTheTimeUntilTheNextDiscoveryAttempt() {
    assertThat(
            RefreshOutcome.of(
                new RefreshRejectedException(
                    RejectionReason.IDP_NOT_READY, Duration.ofMillis(3500))))
        .isEqualTo(new RefreshOutcome(503, "idp_not_ready", 4L, false));
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
