package dev.tokenrefresh.internal.oidc;

import dev.tokenrefresh.core.token.TokenSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Values shared by the tests that run against {@link StubProvider}. */
final class StubFixture {

  static final String CLIENT_ID = "filter-client";
  static final String SECRET = "client-secret-6f1c2a";
  static final String REFRESH_TOKEN = "current-refresh-token-93ab";
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private StubFixture() {}

  static TokenSet current() {
    return new TokenSet(
        "current-access-token-77de", REFRESH_TOKEN, null, NOW, NOW.minusSeconds(300));
  }

  static OidcClientSettingsBuilder settings(StubProvider stub) {
    return OidcClientSettings.builder()
        .tokenEndpoint(stub.tokenEndpoint())
        .clientId(CLIENT_ID)
        .clientSecret(SECRET)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2));
  }

  static NimbusTokenEndpoint endpoint(StubProvider stub) {
    return new NimbusTokenEndpoint(settings(stub).build(), CLOCK);
  }

  static String tokenJson(String accessToken, String extraFields) {
    return "{\"access_token\":\""
        + accessToken
        + "\",\"token_type\":\"Bearer\""
        + (extraFields.isEmpty() ? "" : "," + extraFields)
        + "}";
  }
}
