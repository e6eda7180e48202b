package dev.tokenrefresh.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's machine-readable output: one header line, then one line per {@link ScenarioResult}.
 * No value contains a comma or a quote, so no quoting is needed. Thread-safe (stateless).
 */
final class ResultCsv {

  private ResultCsv() {}

  static void write(Path file, List<ScenarioResult> results) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", ScenarioResult.CSV_HEADER));
    for (ScenarioResult r : results) {
      lines.add(String.join(",", r.csvValues()));
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** Reads every row as a map from column name to value. */
  static List<Map<String, String>> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(file + " is empty: run the harness first");
    }
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] values = line.split(",", -1);
      if (values.length != header.length) {
        throw new IOException(
            file + ": a row has " + values.length + " values, the header " + header.length);
      }
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], values[i]);
      }
      rows.add(row);
    }
    return rows;
  }
}
