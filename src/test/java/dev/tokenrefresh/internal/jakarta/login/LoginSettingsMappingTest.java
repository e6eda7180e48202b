package dev.tokenrefresh.internal.jakarta.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.internal.oidc.login.LoginSettings;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every login key the mapping reads is in the README's table, and absent keys give defaults. */
class LoginSettingsMappingTest {

  @Test
  void everyKeyReadIsDocumented_andDefaultsApply() throws Exception {
    List<String> read = new ArrayList<>();
    LoginSettings settings =
        LoginSettingsMapping.settings(
            new ConfigReader(
                key -> {
                  read.add(key);
                  return Optional.empty();
                }));
    assertThat(settings).isEqualTo(LoginSettings.defaults());
    String readme = Files.readString(Path.of("README.md"));
    read.add(LoginSettingsMapping.ENABLED);
    assertThat(read).hasSizeGreaterThan(10);
    for (String key : read) {
      assertThat(readme).as(key).contains("| `" + key + "` |");
    }
  }

  @Test
  void postLogoutRedirectUris_areSplitOnCommas() {
    LoginSettings settings =
        LoginSettingsMapping.settings(
            new ConfigReader(
                key ->
                    key.endsWith("post-logout-redirect-uris")
                        ? Optional.of("https://a.example/, https://b.example/bye")
                        : Optional.empty()));
    assertThat(settings.postLogoutRedirectUris()).hasSize(2);
  }
}
