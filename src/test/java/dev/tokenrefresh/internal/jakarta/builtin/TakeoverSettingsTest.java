package dev.tokenrefresh.internal.jakarta.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.jakarta.config.ConfigReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TakeoverSettingsTest {

  private final Map<String, String> values = new HashMap<>();
  private final ConfigReader source = new ConfigReader(k -> Optional.ofNullable(values.get(k)));

  @Test
  void of_withNothingSet_isOff_withTheDefaultBound() {
    assertThat(TakeoverSettings.of(source))
        .isEqualTo(new TakeoverSettings(false, TakeoverSettings.DEFAULT_MAX_BLOCKED));
  }

  @Test
  void of_readsBothKeys() {
    values.put("token-refresh.builtin-oidc.takeover", "true");
    values.put("token-refresh.builtin-oidc.max-blocked", "5");
    assertThat(TakeoverSettings.of(source)).isEqualTo(new TakeoverSettings(true, 5));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "token-refresh.builtin-oidc.max-blocked | 0   | must be >= 1, was 0",
        "token-refresh.builtin-oidc.takeover    | yes | must be true or false, was 'yes'"
      })
  void of_aBadValue_isRefusedNamingTheKeyAndValue(String key, String value, String problem) {
    values.put(key, value);
    assertThatThrownBy(() -> TakeoverSettings.of(source))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(key + " " + problem);
  }
}
