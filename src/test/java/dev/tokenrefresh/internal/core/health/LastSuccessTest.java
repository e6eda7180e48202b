package dev.tokenrefresh.internal.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.support.FakeTime;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LastSuccessTest {

  private final FakeTime time = new FakeTime();
  private final LastSuccess last = new LastSuccess(time);

  @Test
  void elapsed_beforeAnySuccess_isEmpty() {
    assertThat(last.elapsed()).isEmpty();
  }

  @Test
  void elapsed_afterASuccessfulCall_countsFromItsReturn() {
    TokenEndpoint endpoint = last.around(current -> Tokens.rotated());
    time.advance(Duration.ofSeconds(5));
    endpoint.refresh(Tokens.expired());
    time.advance(Duration.ofMillis(1500));

    assertThat(last.elapsed()).contains(Duration.ofMillis(1500));
  }

  @Test
  void around_passesTheEndpointsReadinessOn() {
    TokenEndpoint notReady =
        new TokenEndpoint() {
          @Override
          public dev.tokenrefresh.core.token.TokenSet refresh(
              dev.tokenrefresh.core.token.TokenSet current) {
            throw new AssertionError("not called");
          }

          @Override
          public java.util.Optional<Duration> untilReady() {
            return java.util.Optional.of(Duration.ofSeconds(4));
          }
        };

    assertThat(last.around(notReady).untilReady()).contains(Duration.ofSeconds(4));
  }

  @Test
  void elapsed_afterAFailedCall_keepsTheEarlierSuccess() {
    TokenEndpoint ok = last.around(current -> Tokens.rotated());
    TokenEndpoint failing =
        last.around(
            current -> {
              throw IdpFaultException.of(FaultKind.SERVER_ERROR, "503");
            });
    ok.refresh(Tokens.expired());
    time.advance(Duration.ofSeconds(2));

    assertThatThrownBy(() -> failing.refresh(Tokens.expired()))
        .isInstanceOf(IdpFaultException.class);
    assertThat(last.elapsed()).contains(Duration.ofSeconds(2));
  }
}
