package dev.tokenrefresh.it.sidebyside;

import dev.tokenrefresh.it.support.Latencies;
import dev.tokenrefresh.it.support.TestSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The side-by-side's results: each test class writes its column to {@code
 * <dir>/<column>.properties} (the directory is {@code target/side-by-side} on Payara 6, {@code
 * target/side-by-side-payara7} on Payara 7); once both columns exist, the class that finishes last
 * prints the table of the columns present ({@code [side-by-side]} lines in its failsafe output) and
 * writes it to {@code <dir>/table.md}. The two clients run in two deployments of two test classes,
 * so that the Payara Micro adapter starts one server at a time.
 */
final class SideBySideReport {

  static final String MODULE = "module";
  static final String BUILT_IN = "payara-built-in";
  static final String TAKEOVER = "built-in-takeover";

  /** The columns in table order, with their headings. */
  private static final List<String[]> COLUMNS =
      List.of(
          new String[] {MODULE, "token-refresh-filter"},
          new String[] {BUILT_IN, "Payara built-in OpenID Connect client"},
          new String[] {TAKEOVER, "built-in client + token-refresh takeover handler"});

  /** The table's rows: label, key. */
  private static final List<String[]> ROWS =
      List.of(
          row("(a) requests of the expired session, answered 200", "slow.ok"),
          row("(a) answers by status", "slow.statuses"),
          row("(a) refresh calls at the IdP", "slow.refresh-calls"),
          row("(a) distinct new access tokens handed out", "slow.new-tokens"),
          row("(a) burst duration (IdP delay 3 s)", "slow.burst-ms"),
          row("(a) all 400 arrived before the other user started", "slow.all-arrived"),
          row("(a) other user: answers", "slow.other-statuses"),
          row("(a) other user: p50 / p99 (= max) of 50 requests", "slow.other"),
          row("(a) other user: requests sent while the burst waited", "slow.other-while-waiting"),
          row("(a) busy request threads: peak / while all waited / pool", "slow.busy"),
          row("(a) load average (1 min) at the end", "slow.load"),
          row("(b) plain-text 503: refresh calls at the IdP (100 requests)", "outage.idp-calls"),
          row("(b) plain-text 503: answers", "outage.answers"),
          row("(b) plain-text 503: burst duration", "outage.burst-ms"),
          row("(b) plain-text 503: the session after the outage", "outage.session"),
          row("(b) plain-text 503: once the IdP is back", "outage.recovery"),
          row("(b) JSON 503: refresh calls at the IdP (100 requests)", "outage-json.idp-calls"),
          row("(b) JSON 503: answers", "outage-json.answers"),
          row("(b) JSON 503: burst duration", "outage-json.burst-ms"),
          row("(b) JSON 503: the session after the outage", "outage-json.session"),
          row("(b) JSON 503: once the IdP is back", "outage-json.recovery"));

  private SideBySideReport() {}

  /** Adds the values of scenario (a) to {@code column}. */
  static void put(Map<String, String> column, SlowRefreshRun.Result r) {
    column.put("slow.ok", r.answered200() + " / " + SlowRefreshRun.WAITERS);
    column.put("slow.statuses", r.statuses().toString());
    column.put("slow.refresh-calls", Integer.toString(r.refreshCalls()));
    column.put("slow.new-tokens", Integer.toString(r.newTokens()));
    column.put("slow.burst-ms", r.burstMillis() + " ms");
    column.put(
        "slow.other",
        String.format(
            Locale.ROOT,
            "%.1f ms / %.1f ms",
            Latencies.millis(r.other().percentile(50)),
            Latencies.millis(r.other().percentile(99))));
    column.put("slow.other-statuses", r.otherStatuses().toString());
    column.put("slow.other-while-waiting", r.otherWhileWaiting() + " of " + r.other().count());
    column.put("slow.busy", r.busyPeak() + " / " + r.busyWhileWaiting() + " / " + r.poolThreads());
    column.put("slow.load", String.format(Locale.ROOT, "%.2f", r.loadAverage()));
  }

  /**
   * Adds the values of scenario (a) for the built-in client to {@code column}: whether all its
   * requests arrived cannot be told, as its burst starts after the first refresh call.
   */
  static void putBuiltIn(Map<String, String> column, SlowRefreshRun.Result r) {
    put(column, r);
    column.put("slow.all-arrived", "cannot tell; started 1 s after the first refresh call");
  }

  /** Adds the values of scenario (b)'s burst to {@code column}. */
  static void put(Map<String, String> column, OutageRun.Reply reply, OutageRun.Result r) {
    column.put(reply.key + ".idp-calls", Integer.toString(r.idpCalls()));
    column.put(reply.key + ".answers", r.answers().toString());
    column.put(reply.key + ".burst-ms", r.burstMillis() + " ms");
  }

  /** Adds how the session came out of scenario (b) to {@code column}. */
  static void put(
      Map<String, String> column, OutageRun.Reply reply, String session, String recovery) {
    column.put(reply.key + ".session", session);
    column.put(reply.key + ".recovery", recovery);
  }

  /** How a session kept through scenario (b) was refreshed once the provider was back. */
  static String recovery(long millisLater, int moreCalls) {
    return String.format(
        Locale.ROOT,
        "same session refreshed %d ms later (breaker open-duration %d s), %d more call(s)",
        millisLater,
        TestSettings.BREAKER_OPEN_DURATION.toSeconds(),
        moreCalls);
  }

  /** Writes {@code column}'s values, and the table if the other column is there. */
  static void save(String column, Map<String, String> values) {
    Path dir = dir();
    Properties p = new Properties();
    p.putAll(values);
    try {
      Files.createDirectories(dir);
      try (Writer out = Files.newBufferedWriter(dir.resolve(column + ".properties"))) {
        p.store(out, "side-by-side, " + column);
      }
      List<String[]> present = new java.util.ArrayList<>();
      List<Properties> columns = new java.util.ArrayList<>();
      for (String[] c : COLUMNS) {
        Path file = dir.resolve(c[0] + ".properties");
        if (Files.exists(file)) {
          present.add(c);
          columns.add(load(file));
        }
      }
      if (present.size() >= 2) {
        String table = table(present, columns);
        Files.writeString(dir.resolve("table.md"), table, StandardCharsets.UTF_8);
        table.lines().forEach(l -> System.out.println("[side-by-side] " + l));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String table(List<String[]> columns, List<Properties> values) {
    StringBuilder out = new StringBuilder("| |");
    columns.forEach(c -> out.append(' ').append(c[1]).append(" |"));
    out.append("\n|---|");
    columns.forEach(c -> out.append("---|"));
    out.append('\n');
    for (String[] row : ROWS) {
      out.append("| ").append(row[0]).append(" |");
      values.forEach(v -> out.append(' ').append(v.getProperty(row[1], "–")).append(" |"));
      out.append('\n');
    }
    return out.toString();
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    return p;
  }

  private static Path dir() {
    String server = System.getProperty("it.container", "payara");
    return Path.of("target", "payara".equals(server) ? "side-by-side" : "side-by-side-" + server);
  }

  private static String[] row(String label, String key) {
    return new String[] {label, key};
  }
}
