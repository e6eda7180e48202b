package dev.tokenrefresh.it;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.GRACE_REPLAYS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.IDP_CALLS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.UserSession;
import org.junit.jupiter.api.Test;

/**
 * A request that read the session's tokens just before a refresh replaced them still holds the
 * rotated refresh token. It is served the new tokens from rotation grace: redeeming the old token
 * again would look like theft to a provider with reuse detection.
 */
public interface RotationGraceScenarios extends RunningApp {

  @Test
  default void requestHoldingTheRotatedTokens_getsTheNewToken_withoutAnIdpCall() {
    UserSession session = app().loginExpired();
    Echo refreshed = session.echo("/echo");
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(idp().refreshCalls()).isEqualTo(1);
    Metrics before = app().metrics();

    session.store(session.login(), TestApp.EXPIRED); // what the late request read
    Echo late = session.echo("/echo");

    assertThat(late.status()).isEqualTo(200);
    assertThat(late.accessToken()).isEqualTo(refreshed.accessToken());
    assertThat(idp().refreshCalls()).isEqualTo(1);
    assertThat(session.storedTokens().orElseThrow().accessToken())
        .isEqualTo(refreshed.accessToken());
    Metrics after = app().metrics();
    assertThat(after.counterSince(before, REQUESTS)).isEqualTo(1);
    assertThat(after.counterSince(before, GRACE_REPLAYS)).isEqualTo(1);
    assertThat(after.counterSince(before, IDP_CALLS)).isZero();
  }
}
