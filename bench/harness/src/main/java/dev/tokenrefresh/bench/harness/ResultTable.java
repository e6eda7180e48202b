package dev.tokenrefresh.bench.harness;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Prints the results as plain-text tables: one row per strategy and scenario, with ratios against
 * the module's row of the same scenario ({@code x calls} = this row's calls / the module's), then
 * the other user's latencies where a scenario has one. Thread-safe (stateless).
 */
final class ResultTable {

  /**
   * One column: its header, its width (negative: left-aligned) and how a row fills it.
   *
   * @param header the column's title
   * @param width the printf width
   * @param value the cell, from the row and the module's row of the same scenario
   */
  private record Column(
      String header,
      int width,
      BiFunction<ScenarioResult, Optional<ScenarioResult>, String> value) {}

  private static final List<Column> MAIN =
      List.of(
          new Column("scenario", -21, (r, m) -> r.scenario()),
          new Column("strategy", -26, (r, m) -> r.strategy()),
          new Column("req-threads", -11, (r, m) -> r.requestThreads()),
          new Column("reqs", 6, (r, m) -> num(r.requests())),
          new Column("idp", 6, (r, m) -> num(r.idpCalls())),
          new Column("peak", 5, (r, m) -> num(r.peakIdpCalls())),
          new Column("ok", 6, (r, m) -> num(r.burst().count(Outcome.OK))),
          new Column("401", 6, (r, m) -> num(r.burst().count(Outcome.SESSION_ENDED))),
          new Column("503", 6, (r, m) -> num(notServedRetryable(r.burst()))),
          new Column("lost", 7, (r, m) -> r.sessionsLost() + "/" + r.sessions()),
          new Column("p50 ms", 8, (r, m) -> ms(r.burst().p50Ms())),
          new Column("p99 ms", 8, (r, m) -> ms(r.burst().p99Ms())),
          new Column("max ms", 8, (r, m) -> ms(r.burst().maxMs())),
          new Column("live", 6, (r, m) -> num(r.peaks().liveThreads())),
          new Column("held", 6, (r, m) -> num(r.peakHeldThreads())),
          new Column("heap MB", 7, (r, m) -> ms(r.peaks().heapUsedMb())),
          new Column("x calls", 7, (r, m) -> ratio(r, m, ScenarioResult::idpCalls)),
          new Column("x p99", 6, (r, m) -> ratio(r, m, x -> x.burst().p99Ms())),
          new Column("x live", 6, (r, m) -> ratio(r, m, x -> x.peaks().liveThreads())),
          new Column("x held", 6, (r, m) -> ratio(r, m, ScenarioResult::peakHeldThreads)));

  private static final List<Column> OTHER_USER =
      List.of(
          MAIN.get(0),
          MAIN.get(1),
          MAIN.get(2),
          new Column("reqs", 6, (r, m) -> num(r.otherRequests())),
          new Column("ok", 6, (r, m) -> num(r.other().count(Outcome.OK))),
          new Column("p50 ms", 8, (r, m) -> ms(r.other().p50Ms())),
          new Column("p99 ms", 8, (r, m) -> ms(r.other().p99Ms())),
          new Column("max ms", 8, (r, m) -> ms(r.other().maxMs())),
          new Column("x p99", 7, (r, m) -> ratio(r, m, x -> x.other().p99Ms())));

  private ResultTable() {}

  static void print(PrintStream out, List<ScenarioResult> results) {
    table(out, MAIN, results);
    List<ScenarioResult> withOther = results.stream().filter(r -> r.otherRequests() > 0).toList();
    if (!withOther.isEmpty()) {
      out.println();
      out.println("The other user (valid token) while the expired session's requests wait:");
      table(out, OTHER_USER, withOther);
    }
  }

  private static void table(PrintStream out, List<Column> columns, List<ScenarioResult> rows) {
    out.println(line(columns, c -> c.header()));
    for (ScenarioResult r : rows) {
      Optional<ScenarioResult> module = moduleOf(r, rows);
      out.println(line(columns, c -> c.value().apply(r, module)));
      int unanswered = r.burst().count(Outcome.UNFINISHED);
      if (unanswered > 0) {
        out.printf("  ^ %d requests unanswered at the deadline%n", unanswered);
      }
    }
  }

  private static String line(List<Column> columns, Function<Column, String> cell) {
    StringBuilder b = new StringBuilder();
    for (Column c : columns) {
      b.append(String.format(Locale.ROOT, "%" + c.width() + "s ", cell.apply(c)));
    }
    return b.toString().stripTrailing();
  }

  /** 503s: refused (suspension bound, bulkhead) or provider faults; the session survives. */
  private static int notServedRetryable(RequestLog.Summary s) {
    return s.count(Outcome.REJECTED) + s.count(Outcome.IDP_FAULT);
  }

  private static Optional<ScenarioResult> moduleOf(ScenarioResult r, List<ScenarioResult> all) {
    return all.stream()
        .filter(m -> m.scenario().equals(r.scenario()) && m.strategy().equals("module"))
        .findFirst();
  }

  private static String num(long value) {
    return Long.toString(value);
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String ratio(
      ScenarioResult r, Optional<ScenarioResult> module, ToDoubleFunction<ScenarioResult> metric) {
    double base = module.map(metric::applyAsDouble).orElse(Double.NaN);
    double value = metric.applyAsDouble(r);
    if (!(base > 0) || Double.isNaN(value)) {
      return "-";
    }
    double x = value / base;
    return String.format(Locale.ROOT, x >= 100 ? "%.0f" : x >= 10 ? "%.1f" : "%.2f", x);
  }
}
