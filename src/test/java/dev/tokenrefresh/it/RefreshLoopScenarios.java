package dev.tokenrefresh.it;

import static dev.tokenrefresh.it.support.Outcomes.assertOutcome;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.COOLDOWNS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.IDP_CALLS;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.REASON;
import static dev.tokenrefresh.jakarta.metrics.MetricNames.REJECTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.Metrics;
import dev.tokenrefresh.it.support.TestSettings;
import dev.tokenrefresh.it.support.UserSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A provider that keeps issuing already expired tokens would make every request of the session
 * refresh again. After {@code max-attempts} calls within the window the session is cooled down: 429
 * with a {@code Retry-After}, and no more calls.
 */
public interface RefreshLoopScenarios extends RunningApp {

  @Test
  default void idpIssuingExpiredTokens_coolsTheSessionDown_afterMaxAttempts() {
    UserSession session = app().loginExpired();
    Metrics before = app().metrics();
    idp().answerEveryRefresh(IdpReplies.alreadyExpiredTokens());

    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < TestSettings.MAX_ATTEMPTS; i++) {
      Echo e = session.echo("/echo");
      assertThat(e.status()).as("request %d", i + 1).isEqualTo(200);
      tokens.add(e.accessToken());
    }
    long retryAfter = assertOutcome(session.get("/echo"), 429, "cooldown").orElseThrow();
    assertOutcome(session.get("/echo"), 429, "cooldown");

    assertThat(tokens).doesNotHaveDuplicates();
    assertThat(retryAfter).isBetween(1L, TestSettings.COOLDOWN.toSeconds());
    assertThat(idp().refreshCalls()).isEqualTo(TestSettings.MAX_ATTEMPTS);
    Metrics after = app().metrics();
    assertThat(after.counterSince(before, IDP_CALLS)).isEqualTo(TestSettings.MAX_ATTEMPTS);
    assertThat(after.counterSince(before, COOLDOWNS)).isEqualTo(1);
    assertThat(after.counterSince(before, REJECTIONS, REASON, "cooldown")).isEqualTo(2);
  }
}
