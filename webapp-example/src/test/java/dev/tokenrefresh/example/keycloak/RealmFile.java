package dev.tokenrefresh.example.keycloak;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * What the tests need from the realm file Keycloak imported ({@code
 * src/it/keycloak/token-refresh-realm.json}): the realm's name and its one client, so that the
 * values live in one place. Immutable; {@link #toString()} never shows the secret.
 *
 * @param realm the realm's name
 * @param clientId the example's client id
 * @param clientSecret the client's secret (a test-only value in a test-only realm)
 * @param accessTokenLifespanSeconds how long Keycloak's access tokens live
 */
public record RealmFile(
    String realm, String clientId, String clientSecret, int accessTokenLifespanSeconds) {

  /** Reads the realm file; it must have exactly one client. */
  public static RealmFile read(Path file) throws IOException {
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw new IOException(file + " is not a JSON object: " + e.getMessage(), e);
    }
    List<?> clients = (List<?>) json.get("clients");
    if (clients == null || clients.size() != 1) {
      throw new IllegalStateException(file + " must define exactly one client");
    }
    Map<?, ?> client = (Map<?, ?>) clients.get(0);
    return new RealmFile(
        (String) json.get("realm"),
        (String) client.get("clientId"),
        (String) client.get("secret"),
        ((Number) json.get("accessTokenLifespan")).intValue());
  }

  @Override
  public String toString() {
    return "RealmFile[realm="
        + realm
        + ", clientId="
        + clientId
        + ", clientSecret=[redacted], accessTokenLifespanSeconds="
        + accessTokenLifespanSeconds
        + "]";
  }
}
