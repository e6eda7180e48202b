package dev.tokenrefresh.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Health;
import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.Outcomes;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import org.junit.jupiter.api.Test;

/**
 * The readiness check {@code token-refresh} over HTTP, at the server's own health endpoint: its
 * figures, and that an open breaker (the IdP failing, not this node) keeps the node in the load
 * balancer while requests with a valid token still pass.
 */
public interface HealthScenarios extends RunningApp {

  @Test
  default void readiness_afterARefresh_isUp_withTheModulesFigures() {
    Health h = app().readiness();

    assertThat(h.status()).isEqualTo("UP");
    assertThat(h.httpStatus()).isEqualTo(200);
    assertThat(h.data().get("breaker")).isEqualTo("closed");
    assertThat(h.number("inFlightCalls")).isZero();
    assertThat(h.number("trackedSessions")).as("the warm-up's session").isPositive();
    assertThat(h.number("msSinceLastSuccess")).as("the warm-up refresh").isBetween(0L, 120_000L);
    assertThat(h.flag("providerReady")).isTrue();
  }

  @Test
  default void readiness_withTheBreakerOpen_staysUp_andValidTokensStillPass() {
    UserSession expired = app().loginExpired();
    idp().answerEveryRefresh(IdpReplies.unavailable());
    for (int i = 0; i < TestSettings.BREAKER_FAILURE_THRESHOLD; i++) {
      expired.get("/echo");
    }
    assertThat(Outcomes.error(expired.get("/echo"))).isEqualTo("circuit_open");

    Health h = app().readiness();

    assertThat(h.data().get("breaker")).isEqualTo("open");
    assertThat(h.status()).isEqualTo("UP");
    assertThat(h.httpStatus()).isEqualTo(200);
    UserSession valid = app().login(idp().login(), TestApp.VALID);
    assertThat(valid.get("/echo").statusCode()).isEqualTo(200);
  }
}
