package dev.tokenrefresh.example.keycloak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Keycloak suite's numbers: one row per scenario, printed to the test output as each scenario
 * ends and as a Markdown table at the end (also written to {@code keycloak-e2e-results.md} in the
 * work directory, the source of {@code docs/keycloak-e2e.md}). Thread-safe.
 */
public final class SuiteReport {

  private static final String HEADER =
      "| scenario | sessions | requests | answered 200 | other answers | Keycloak refreshes"
          + " | Keycloak refusals | sessions lost at Keycloak | module IdP calls | coalesced"
          + " | grace replays | burst ms |\n"
          + "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";

  private final List<ScenarioNumbers> rows = new ArrayList<>();

  /** Records a scenario's numbers and prints them. */
  public synchronized void add(ScenarioNumbers n) {
    rows.add(n);
    System.out.printf(
        "KEYCLOAK-E2E %s: %d session(s), %d requests, %d answered 200 (others: %s);"
            + " Keycloak counted %d refresh(es) and %d refusal(s); sessions lost at Keycloak: %d;"
            + " module: %d IdP call(s), %d coalesced, %d grace replay(s); burst %d ms%n",
        cells(n));
  }

  /** The table, with a totals line over the scenarios that must keep every session. */
  public synchronized String markdown() {
    StringBuilder t = new StringBuilder(HEADER);
    for (ScenarioNumbers n : rows) {
      t.append(
          String.format(
              "| %s | %d | %d | %d | %s | %d | %d | %d | %d | %d | %d | %d |%n", cells(n)));
    }
    t.append(
        String.format(
            "%nTotal: %d requests in %d scenarios.%n",
            rows.stream().mapToInt(ScenarioNumbers::requests).sum(), rows.size()));
    return t.toString();
  }

  /** Prints the table and writes it to {@code file}. */
  public void publish(Path file) throws IOException {
    String table = markdown();
    System.out.println("KEYCLOAK-E2E results\n" + table);
    Files.createDirectories(file.getParent());
    Files.writeString(file, table, StandardCharsets.UTF_8);
  }

  /** One scenario's numbers, in the order of the printed line and of the table's columns. */
  private static Object[] cells(ScenarioNumbers n) {
    return new Object[] {
      n.scenario(),
      n.sessions(),
      n.requests(),
      n.answered200(),
      n.otherAnswers(),
      n.keycloakRefreshes(),
      n.keycloakRefusals(),
      n.lostSessions(),
      n.moduleIdpCalls(),
      n.coalesced(),
      n.graceReplays(),
      n.burstMillis()
    };
  }
}
