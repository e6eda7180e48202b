package dev.tokenrefresh.example.keycloak;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Keycloak that {@code src/it/keycloak/keycloak.sh} started for this test run, as its {@code
 * keycloak.properties} describes it (the file's path is the system property {@code
 * keycloak.properties}). Immutable; {@link #toString()} never shows the admin password.
 *
 * @param url the server's base address, {@code http://127.0.0.1:<port>}
 * @param adminUsername the bootstrap administrator of the master realm
 * @param adminPassword its password, random per run
 * @param realmFile the realm Keycloak imported at start
 * @param log Keycloak's output
 * @param readySeconds how long Keycloak took to become ready
 */
public record KeycloakServer(
    URI url,
    String adminUsername,
    String adminPassword,
    Path realmFile,
    Path log,
    int readySeconds) {

  /** Reads the file named by the system property {@code keycloak.properties}. */
  public static KeycloakServer fromSystemProperties() throws IOException {
    String file = System.getProperty("keycloak.properties");
    if (file == null) {
      throw new IllegalStateException(
          "keycloak.properties is not set: run the suite with mvn -Pkeycloak-e2e verify");
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return new KeycloakServer(
        URI.create(p.getProperty("keycloak.url")),
        p.getProperty("keycloak.admin-username"),
        p.getProperty("keycloak.admin-password"),
        Path.of(p.getProperty("keycloak.realm-file")),
        Path.of(p.getProperty("keycloak.log")),
        Integer.parseInt(p.getProperty("keycloak.ready-seconds", "0")));
  }

  /** The issuer of {@code realm}: {@code <url>/realms/<realm>}. */
  public URI issuer(String realm) {
    return URI.create(url + "/realms/" + realm);
  }

  @Override
  public String toString() {
    return "KeycloakServer[url="
        + url
        + ", adminUsername="
        + adminUsername
        + ", adminPassword=[redacted], realmFile="
        + realmFile
        + ", readySeconds="
        + readySeconds
        + "]";
  }
}
