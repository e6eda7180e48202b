package dev.tokenrefresh.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.jakarta.config.SettingsMapping;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.internal.oidc.OidcClientSettings;
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
 * The README's configuration snippets ({@code src/test/resources/readme/*.properties}) are
 * configuration the module accepts, and each key they set is in the README's reference tables.
 */
class ReadmeConfigurationTest {

  private static final Path DIR = Path.of("src/test/resources/readme");

  @Test
  void configureIt_isAcceptedByTheMapping_asTheModuleReadsIt() throws IOException {
    ConfigReader source = source(load("microprofile-config.properties"));

    RefreshSettings settings = SettingsMapping.refreshSettings(source);
    FilterSettings filter = SettingsMapping.filterSettings(source, settings);
    OidcClientSettings client =
        SettingsMapping.oidcSettings(source)
            .tokenEndpoint(URI.create("https://idp.example.com/realms/app/token")) // discovered
            .build();

    assertThat(client.clientId()).isEqualTo("my-app");
    assertThat(client.issuer()).isEqualTo(URI.create("https://idp.example.com/realms/app"));
    assertThat(filter.loginPath()).isEqualTo("/login");
  }

  @Test
  void privateKeyJwt_readsTheKeyFileItNames() throws IOException {
    Properties p = load("microprofile-config.properties");
    p.remove("token-refresh.oidc.client-secret");
    p.putAll(load("private-key-jwt.properties"));

    // the README's path does not exist here: the mapping gets as far as reading it
    assertThatThrownBy(() -> SettingsMapping.oidcSettings(source(p)))
        .hasMessage(
            "token-refresh.oidc.client-key-file cannot be read: /run/secrets/oidc-client-key.pem"
                + " (NoSuchFileException)");
  }

  @Test
  void everyKeyOfTheSnippets_isInTheReferenceTables() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    for (String file :
        new String[] {
          "microprofile-config.properties", "private-key-jwt.properties", "login.properties"
        }) {
      for (String key : load(file).stringPropertyNames()) {
        assertThat(readme).as("%s sets %s", file, key).contains("| `" + key + "` |");
      }
    }
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(DIR.resolve(name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static ConfigReader source(Properties p) {
    return new ConfigReader(k -> Optional.ofNullable(p.getProperty(k)));
  }
}
