package dev.tokenrefresh.internal.oidc;

import static dev.tokenrefresh.internal.oidc.StubFixture.REFRESH_TOKEN;
import static dev.tokenrefresh.internal.oidc.StubFixture.SECRET;
import static dev.tokenrefresh.internal.oidc.StubFixture.current;
import static dev.tokenrefresh.internal.oidc.StubFixture.endpoint;
import static dev.tokenrefresh.internal.oidc.StubFixture.tokenJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets never leave: no token, client secret or response body in any message or toString. */
class SecretRedactionTest {

  private static final String ACCESS_TOKEN = "echoed-access-token-5e0b";

  /** Each answer echoes the secret and the tokens, as a careless or hostile provider might. */
  private static final String ECHO =
      "secret=" + SECRET + " refresh=" + REFRESH_TOKEN + " access=" + ACCESS_TOKEN;

  @Test
  void failures_neverCarryTheSecretTokensOrBody() throws IOException {
    List<Throwable> failures = new ArrayList<>();
    String description = "\"error_description\":\"" + ECHO + "\"";
    String[][] answers = {
      {"400", "{\"error\":\"invalid_grant\"," + description + "}"},
      {"401", "{\"error\":\"invalid_client\"," + description + "}"},
      {"503", "{\"error\":\"temporarily_unavailable\"," + description + "}"},
      {"500", ECHO},
      {"404", ECHO},
      {"200", "{" + ECHO},
      {"200", tokenJson(ACCESS_TOKEN + "x".repeat(20_000), "\"note\":\"" + ECHO + "\"")},
      {"200", "{\"token_type\":\"Bearer\",\"refresh_token\":\"" + REFRESH_TOKEN + "\"}"},
    };
    for (String[] answer : answers) {
      try (StubProvider stub = StubProvider.start()) {
        stub.answer(Integer.parseInt(answer[0]), answer[1]);
        failures.add(catchThrowable(() -> endpoint(stub).refresh(current())));
      }
    }
    assertThat(failures).hasSize(answers.length).doesNotContainNull();
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(t.toString()).doesNotContain(SECRET, REFRESH_TOKEN, ACCESS_TOKEN, "refresh=");
      }
    }
  }

  @Test
  void toString_ofSettingsAndEndpoint_redactsTheClientSecret() throws IOException {
    try (StubProvider stub = StubProvider.start()) {
      var endpoint = endpoint(stub);
      assertThat(endpoint.toString()).contains("[redacted]").doesNotContain(SECRET);
      assertThat(StubFixture.settings(stub).build().toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void toString_ofRefreshedTokens_showsNoToken() throws IOException {
    try (StubProvider stub = StubProvider.start()) {
      stub.answer(200, tokenJson(ACCESS_TOKEN, "\"refresh_token\":\"new-refresh-0c4d\""));
      String shown = endpoint(stub).refresh(current()).toString();
      assertThat(shown).doesNotContain(ACCESS_TOKEN, "new-refresh-0c4d");
    }
  }
}
