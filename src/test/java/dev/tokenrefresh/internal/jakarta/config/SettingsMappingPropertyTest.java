package dev.tokenrefresh.internal.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.config.DurationSyntax;
import dev.tokenrefresh.internal.oidc.OidcClientSettings;
import dev.tokenrefresh.jakarta.config.ConfigReader;
import dev.tokenrefresh.property.Gen;
import dev.tokenrefresh.property.Tries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever values the {@code token-refresh.*} keys hold, the mapping yields valid settings or an
 * {@link IllegalArgumentException} whose message names a {@code token-refresh.} key: the deployment
 * then fails saying what to fix. Never another exception (an arithmetic overflow, a null pointer, a
 * parse error of the JDK), which would fail it without saying so.
 */
class SettingsMappingPropertyTest {

  private static final String P = "token-refresh.";

  private static final List<String> DURATION_KEYS =
      List.of(
          "rotation-grace",
          "attempt-window",
          "cooldown",
          "breaker.open-duration",
          "timeout",
          "memory-pressure.sample-interval",
          "cleanup-interval",
          "refresh-ahead",
          "oidc.connect-timeout",
          "oidc.read-timeout",
          "oidc.default-token-lifetime");

  private static final List<String> INTEGER_KEYS =
      List.of(
          "max-attempts",
          "breaker.failure-threshold",
          "breaker.half-open-probes",
          "max-concurrent",
          "max-queued",
          "max-tracked-sessions",
          "max-suspended",
          "max-suspended-per-flight",
          "oidc.max-token-size");

  private static final List<String> OTHER_KEYS =
      List.of(
          "memory-pressure.heap-fraction",
          "memory-pressure.enabled",
          "enabled",
          "bearer-header",
          "exclude-paths",
          "login-path",
          "oidc.token-endpoint",
          "oidc.issuer",
          "oidc.jwks-uri",
          "oidc.client-id",
          "oidc.client-secret",
          "oidc.client-auth",
          "oidc.audience",
          "oidc.id-token-signing-alg",
          "oidc.client-key-id");

  @Test
  void mapping_ofAnyValues_givesValidSettingsOrAnErrorNamingAKey() {
    Tries.run(
        2_000,
        r -> {
          Map<String, String> values = new HashMap<>();
          values.put(P + "oidc.token-endpoint", "http://127.0.0.1:8080/token");
          values.put(P + "oidc.client-id", "app");
          values.put(P + "oidc.client-secret", "s3cret");
          for (int i = 1 + r.nextInt(4); i > 0; i--) {
            String key = P + Gen.oneOf(r, Gen.oneOf(r, DURATION_KEYS, INTEGER_KEYS, OTHER_KEYS));
            values.put(key, value(r, key));
          }
          ConfigReader source = new ConfigReader(k -> Optional.ofNullable(values.get(k)));
          try {
            RefreshSettings core = SettingsMapping.refreshSettings(source);
            SettingsMapping.filterSettings(source, core);
            OidcClientSettings oidc = SettingsMapping.oidcSettings(source).build();
            oidc.requireWithin(core.timeout());
          } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).as("%s", values).contains(P);
          }
        });
  }

  /**
   * Issue 13's property over {@link DurationSyntax}: any text is a duration or an error naming the
   * key.
   */
  @Test
  void durationSyntax_ofAnyText_isADurationOrAnErrorNamingTheKey() {
    Tries.run(
        2_000,
        r -> {
          String text = durationText(r);
          try {
            assertThat(DurationSyntax.parse(P + "timeout", text)).isNotNull();
          } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageStartingWith(P + "timeout must be a duration");
          }
        });
  }

  private static String value(Random r, String key) {
    String name = key.substring(P.length());
    if (DURATION_KEYS.contains(name) && Gen.chance(r, 0.8)) {
      return durationText(r);
    }
    if (INTEGER_KEYS.contains(name) && Gen.chance(r, 0.8)) {
      return Gen.oneOf(
          r, "0", "1", "-1", "3", "256", "2147483647", "2147483648", "99999999999", "1e3", "");
    }
    return Gen.either(
        r,
        x -> Gen.text(x, 60),
        x ->
            Gen.oneOf(
                x,
                "true",
                "FALSE",
                "yes",
                "0.5",
                "1.5",
                "NaN",
                "Infinity",
                "-0",
                "http://127.0.0.1/t",
                "//evil.example",
                "not a url",
                "ftp://x/y",
                "http://",
                "/a,/b, ,c",
                "client_secret_basic",
                "private_key_jwt",
                "none",
                "HS256",
                "RS256",
                "nonsense"));
  }

  private static String durationText(Random r) {
    return switch (r.nextInt(4)) {
      case 0 ->
          Gen.oneOf(
              r,
              "30s",
              "250ms",
              "PT5M",
              "0s",
              "0ms",
              "1d",
              "-5s",
              "PT-1S",
              "9999999999999999d",
              "9223372036854775807s",
              "9223372036854775807ms",
              "99999999999999999999s",
              "PT9999999999999H",
              "P106751991167300D",
              "PT0.0000000001S",
              " 30 s ",
              "30",
              "");
      case 1 -> Gen.anyLong(r) + Gen.oneOf(r, "ms", "s", "m", "h", "d", "");
      case 2 -> "PT" + Gen.anyLong(r) + Gen.oneOf(r, "S", "M", "H", ".5S");
      default -> Gen.text(r, 30);
    };
  }
}
