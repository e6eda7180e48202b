package dev.tokenrefresh.internal.core.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.token.SessionKey;
import org.junit.jupiter.api.Test;

class SuspensionLimitTest {

  private final SessionKey a = SessionKey.of("a");
  private final SessionKey b = SessionKey.of("b");

  @Test
  void tryEnter_beyondThePerSessionBound_isRefusedWhileOtherSessionsStillEnter() {
    SuspensionLimit limit = new SuspensionLimit(10, 2);
    assertThat(limit.tryEnter(a)).isTrue();
    assertThat(limit.tryEnter(a)).isTrue();
    assertThat(limit.tryEnter(a)).isFalse();
    assertThat(limit.tryEnter(b)).isTrue();
    assertThat(limit.suspended()).isEqualTo(3);
  }

  @Test
  void tryEnter_beyondTheTotalBound_isRefused_andExitFreesThePlace() {
    SuspensionLimit limit = new SuspensionLimit(2, 5);
    assertThat(limit.tryEnter(a)).isTrue();
    assertThat(limit.tryEnter(b)).isTrue();
    assertThat(limit.tryEnter(SessionKey.of("c"))).isFalse();
    limit.exit(a);
    assertThat(limit.tryEnter(SessionKey.of("c"))).isTrue();
    assertThat(limit.suspended()).isEqualTo(2);
  }
}
