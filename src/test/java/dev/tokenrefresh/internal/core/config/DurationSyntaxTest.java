package dev.tokenrefresh.internal.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationSyntaxTest {

  @ParameterizedTest
  @CsvSource({
    "PT30S, 30000",
    "pt1m, 60000",
    "30s, 30000",
    "5m, 300000",
    "250ms, 250",
    "2h, 7200000",
    "1d, 86400000",
    "' 10 s ', 10000"
  })
  void parse_acceptsIsoAndUnitForms(String text, long millis) {
    assertThat(DurationSyntax.parse("k", text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "s", "5 minutes", "PT", "-1s", "1.5s", "99999999999999999999s"})
  void parse_rejectsAnythingElseNamingTheKey(String text) {
    assertThatThrownBy(() -> DurationSyntax.parse("token-refresh.timeout", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("token-refresh.timeout must be a duration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"366d", "9223372036854775807s", "PT9999999999999H"})
  void parse_beyond365Days_isRefusedNamingTheKey(String text) {
    assertThatThrownBy(() -> DurationSyntax.parse("token-refresh.cooldown", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "token-refresh.cooldown must be a duration of at most 365 days, was '" + text + "'");
  }
}
