package dev.tokenrefresh.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  /** One run of {@code v} at {@code rate} req/s for 10 s, the server using {@code ticks}. */
  private static Measurement run(int round, Variant v, double rate, long ticks) {
    long requests = (long) (rate * 10);
    return new Measurement(
        round, v, new WrkResult(rate, 0.5, 2.0, requests, 0), 0.4, 0.6, ticks, 100);
  }

  /** Two rounds; per round filtered / cdi is 0.9 and 0.8, filtered / pass-through 0.95 both. */
  private static Report report() {
    List<Measurement> runs = new ArrayList<>();
    double[] cdi = {20_000, 25_000};
    double[] filtered = {18_000, 20_000};
    for (int r = 0; r < 2; r++) {
      runs.add(run(r + 1, Variant.PLAIN, cdi[r], 1_000));
      runs.add(run(r + 1, Variant.CDI, cdi[r], 1_000));
      runs.add(run(r + 1, Variant.PASS_THROUGH, filtered[r] / 0.95, 1_000));
      runs.add(run(r + 1, Variant.FILTERED, filtered[r], 1_000));
    }
    return new Report(ServerKind.WILDFLY, new CpuPinning("0", "1"), 74, runs);
  }

  @Test
  void ratioTable_takesTheRatioPerRound_andReportsTheMedian() {
    assertThat(report().ratioTable())
        .contains("| filtered / cdi (the target: ≥ 0.95) | 0.850 | 0.800–0.900 |")
        .contains("| filtered / pass-through (the module's own cost) | 0.950 | 0.950–0.950 |");
  }

  @Test
  void ratioTable_cpuColumns_comeFromTheServersCpuPerRequest() {
    // round 1: cdi 1 000 ticks / 200 000 requests = 50 µs, filtered / 180 000 = 55.6 µs
    // round 2: cdi 40 µs, filtered 50 µs; inverse ratios 0.9 and 0.8, added 5.6 and 10
    assertThat(report().ratioTable())
        .contains("| filtered / cdi (the target: ≥ 0.95) | 0.850 | 0.800–0.900 | 0.850 | +7.8 |");
  }

  @Test
  void conditions_sayTheLoadAndThePinningAsChecked() {
    assertThat(report().conditions())
        .contains("before each run 0.40–0.40")
        .contains("after each run 0.60–0.60")
        .contains("all 74 threads of the server JVM on CPU 0, wrk on CPU 1");
  }

  @Test
  void csv_hasOneLinePerRun_withTheServerAndBothLoads(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    report().writeCsv(csv);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(9);
    assertThat(lines.get(0)).startsWith("server,round,variant,").contains("load_average_1m_before");
    assertThat(lines.get(4)).startsWith("wildfly,1,filtered,18000.0,").endsWith(",true");
  }
}
