package dev.tokenrefresh.internal.jakarta.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.internal.jakarta.config.SettingsMapping;
import dev.tokenrefresh.internal.oidc.OidcClientSettings;
import dev.tokenrefresh.internal.oidc.login.LoginSettings;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The README quick start's keys ({@code src/test/resources/readme/login.properties}, the block
 * {@code ReadmeSnippetsTest} keeps equal to it) are accepted as the module reads them: the client
 * settings, the login mechanism switched on, and the groups claim it names.
 */
class QuickStartLoginSnippetTest {

  @Test
  void quickStartKeys_switchTheLoginOn_andAreValidClientSettings() throws IOException {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            Path.of("src/test/resources/readme/login.properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    ConfigReader reader = new ConfigReader(k -> Optional.ofNullable(p.getProperty(k)));

    LoginSettings login = LoginSettingsMapping.settings(reader);
    OidcClientSettings client =
        SettingsMapping.oidcSettings(reader)
            .tokenEndpoint(URI.create("https://idp.example.com/realms/app/token")) // discovered
            .build();

    assertThat(reader.bool(LoginSettingsMapping.ENABLED)).contains(true);
    assertThat(login.groupsClaim()).isEqualTo("realm_access.roles");
    assertThat(client.clientId()).isEqualTo("my-app");
    assertThat(client.clientSecret()).as("no trailing comment in the value").isEqualTo("change-me");
  }
}
