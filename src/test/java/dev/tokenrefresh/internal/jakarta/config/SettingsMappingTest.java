package dev.tokenrefresh.internal.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.internal.oidc.OidcClientSettings;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import dev.tokenrefresh.oidc.ClientAuthMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every {@code token-refresh.*} key reaches its record; bad values name their key. */
class SettingsMappingTest {

  private final Map<String, String> values = new HashMap<>();
  private final ConfigReader source = new ConfigReader(k -> Optional.ofNullable(values.get(k)));

  @Test
  void refreshSettings_withNothingSet_areTheDefaults() {
    assertThat(SettingsMapping.refreshSettings(source)).isEqualTo(RefreshSettings.defaults());
  }

  @Test
  void refreshSettings_readEveryKey() {
    values.putAll(
        Map.ofEntries(
            Map.entry("token-refresh.rotation-grace", "10s"),
            Map.entry("token-refresh.max-attempts", "7"),
            Map.entry("token-refresh.attempt-window", "PT2M"),
            Map.entry("token-refresh.cooldown", "45s"),
            Map.entry("token-refresh.breaker.failure-threshold", "4"),
            Map.entry("token-refresh.breaker.open-duration", "1m"),
            Map.entry("token-refresh.breaker.half-open-probes", "2"),
            Map.entry("token-refresh.max-concurrent", "20"),
            Map.entry("token-refresh.max-queued", "50"),
            Map.entry("token-refresh.timeout", "15s"),
            Map.entry("token-refresh.memory-pressure.enabled", "false"),
            Map.entry("token-refresh.memory-pressure.heap-fraction", "0.8"),
            Map.entry("token-refresh.memory-pressure.sample-interval", "500ms"),
            Map.entry("token-refresh.cleanup-interval", "2m"),
            Map.entry("token-refresh.max-tracked-sessions", "1000")));
    RefreshSettings s = SettingsMapping.refreshSettings(source);
    assertThat(s)
        .isEqualTo(
            new RefreshSettings(
                Duration.ofSeconds(10),
                7,
                Duration.ofMinutes(2),
                Duration.ofSeconds(45),
                4,
                Duration.ofMinutes(1),
                2,
                20,
                50,
                Duration.ofSeconds(15),
                false,
                0.8,
                Duration.ofMillis(500),
                Duration.ofMinutes(2),
                1000));
  }

  @Test
  void filterSettings_readTheirKeysAndWaitJustLongerThanTheTimeout() {
    values.put("token-refresh.refresh-ahead", "10s");
    values.put("token-refresh.exclude-paths", "/health, /static/");
    values.put("token-refresh.login-path", "/login");
    values.put("token-refresh.bearer-header", "true");
    values.put("token-refresh.timeout", "5s");
    RefreshSettings core = SettingsMapping.refreshSettings(source);
    FilterSettings f = SettingsMapping.filterSettings(source, core);
    assertThat(f.refreshAhead()).isEqualTo(Duration.ofSeconds(10));
    assertThat(f.excludedPaths()).isEqualTo(List.of("/health", "/static"));
    assertThat(f.excludes("/static/app.js")).isTrue();
    assertThat(f.excludes("/api/me")).isFalse();
    assertThat(f.loginPath()).isEqualTo("/login");
    assertThat(f.bearerHeader()).isTrue();
    assertThat(f.waitTimeout()).isEqualTo(Duration.ofMillis(5500));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "token-refresh.max-attempts|0|token-refresh.max-attempts must be >= 1, was 0",
        "token-refresh.max-attempts|many|token-refresh.max-attempts must be a whole number, was"
            + " 'many'",
        "token-refresh.timeout|30|token-refresh.timeout must be a duration such as PT30S, 30s, 5m"
            + " or 250ms, was '30'",
        "token-refresh.memory-pressure.enabled|yes|token-refresh.memory-pressure.enabled must be"
            + " true or false, was 'yes'",
        "token-refresh.breaker.open-duration|-5s|token-refresh.breaker.open-duration must be a"
            + " duration such as PT30S, 30s, 5m or 250ms, was '-5s'"
      })
  void badValue_failsNamingTheKey(String key, String value, String message) {
    values.put(key, value);
    assertThatThrownBy(() -> SettingsMapping.refreshSettings(source)).hasMessage(message);
  }

  @Test
  void filterSettings_badLoginPath_failsNamingTheKey() {
    values.put("token-refresh.login-path", "login");
    RefreshSettings core = SettingsMapping.refreshSettings(source);
    assertThatThrownBy(() -> SettingsMapping.filterSettings(source, core))
        .hasMessageStartingWith("token-refresh.login-path must be a path of this application")
        .hasMessageEndingWith(", was 'login'");
  }

  @Test
  void oidcSettings_badUrl_failsNamingTheKey() {
    values.put("token-refresh.oidc.token-endpoint", "not a url");
    assertThatThrownBy(() -> SettingsMapping.oidcSettings(source))
        .hasMessage("token-refresh.oidc.token-endpoint must be an absolute URL, was 'not a url'");
  }

  @Test
  void oidcSettings_clientKeyFile_isReadIntoThePrivateKeyJwtSettings(@TempDir Path dir)
      throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Path file = Files.writeString(dir.resolve("client-key.pem"), pem);
    values.putAll(
        Map.of(
            "token-refresh.oidc.token-endpoint", "https://idp.example/token",
            "token-refresh.oidc.client-id", "app",
            "token-refresh.oidc.client-auth", "private_key_jwt",
            "token-refresh.oidc.client-key-file", file.toString(),
            "token-refresh.oidc.client-key-id", "2026-11",
            "token-refresh.oidc.client-key-alg", "PS256"));

    OidcClientSettings settings = SettingsMapping.oidcSettings(source).build();

    assertThat(settings.clientAuth()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
    assertThat(settings.clientKey().keyId()).isEqualTo("2026-11");
    assertThat(settings.clientKey().algorithm().getName()).isEqualTo("PS256");
  }

  @Test
  void oidcSettings_clientKeyAndClientKeyFileBoth_isRefused() {
    values.put("token-refresh.oidc.client-key", "-----BEGIN PRIVATE KEY-----");
    values.put("token-refresh.oidc.client-key-file", "/run/secrets/key.pem");
    assertThatThrownBy(() -> SettingsMapping.oidcSettings(source))
        .hasMessage(
            "token-refresh.oidc.client-key and token-refresh.oidc.client-key-file are both set;"
                + " set one of them");
  }

  @Test
  void oidcSettings_clientKeyFileMissing_failsNamingTheKeyAndThePath(@TempDir Path dir) {
    Path missing = dir.resolve("absent.pem");
    values.put("token-refresh.oidc.client-key-file", missing.toString());
    assertThatThrownBy(() -> SettingsMapping.oidcSettings(source))
        .hasMessage(
            "token-refresh.oidc.client-key-file cannot be read: "
                + missing
                + " (NoSuchFileException)");
  }

  @Test
  void oidcSettings_clientKeyIdWithoutAKey_isRefused() {
    values.put("token-refresh.oidc.client-key-id", "k1");
    assertThatThrownBy(() -> SettingsMapping.oidcSettings(source))
        .hasMessageContaining("client-key-id and client-key-alg need");
  }
}
