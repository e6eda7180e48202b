package dev.tokenrefresh.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.FailsafeProperty;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.RefreshFamilies;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the measurements of {@code docs/cluster.md}, opt-in with {@code
 * -Dit.cluster.bench=true}. On two clustered Payara Micro nodes, both deployments side by side: the
 * latency of one refresh ({@link ClusterWars#GRID} through the grid, {@link ClusterWars#LOCAL} per
 * node), and the fast path (a valid access token). Prints a table and writes it to {@code
 * target/cluster/benchmark.md} with the machine's load. Asserts only that every answer was 200.
 */
@EnabledIfSystemProperty(named = "it.cluster.bench", matches = "true")
@EnabledIfSystemProperty(named = "it.container", matches = "payara")
class ClusterBenchmarkIT {

  private static final int WARM_UP = 30;
  private static final int REFRESHES = 200;
  private static final int FAST_THREADS = 4;
  private static final int FAST_REQUESTS_PER_THREAD = 500;

  private final RefreshFamilies families = new RefreshFamilies();

  @Test
  void refreshAndFastPath_gridVersusLocal() throws Exception {
    Path work = FailsafeProperty.path("it.cluster.work", "target/cluster").resolve("bench");
    Files.createDirectories(work);
    File[] wars = ClusterWars.export(work, "hazelcast", TwoNodeClusterIT.EXECUTORS);
    String load = loadAverage();
    List<String> rows = new ArrayList<>();
    try (MicroCluster cluster =
        MicroCluster.start(
            2, FailsafeProperty.required("it.cluster.name") + "-bench", List.of(wars), work)) {
      MockIdp.shared().answerEveryRefresh(families.step());
      for (String context : List.of(ClusterWars.LOCAL, ClusterWars.GRID)) {
        refreshes(cluster, context, WARM_UP);
        long[] refresh = refreshes(cluster, context, REFRESHES);
        fastPath(cluster, context, FAST_REQUESTS_PER_THREAD / 5);
        FastRun fast = fastPath(cluster, context, FAST_REQUESTS_PER_THREAD);
        rows.add(
            String.format(
                "| %s | %.1f | %.1f | %.2f | %.2f | %.0f |",
                context,
                ms(percentile(refresh, 50)),
                ms(percentile(refresh, 99)),
                ms(percentile(fast.latencies, 50)),
                ms(percentile(fast.latencies, 99)),
                fast.perSecond));
      }
    } finally {
      MockIdp.shared().reset();
    }
    String table =
        "load before: "
            + load
            + "\nload after: "
            + loadAverage()
            + "\n\n| deployment | refresh p50 ms | refresh p99 ms | fast path p50 ms"
            + " | fast path p99 ms | fast path req/s |\n| --- | --- | --- | --- | --- | --- |\n"
            + String.join("\n", rows)
            + "\n";
    System.out.println(table);
    Files.writeString(work.resolve("benchmark.md"), table, StandardCharsets.UTF_8);
  }

  /**
   * {@code n} sessions, each logged in on one node with an expired token and then asked once on the
   * other: the time of that request, which waits for the refresh.
   */
  private long[] refreshes(ClusterNodes nodes, String context, int n) {
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      SessionOnNodes s =
          SessionOnNodes.login(nodes, context, families.issue().issued(), Duration.ofSeconds(-1));
      long start = System.nanoTime();
      Echo answer = s.echo(1);
      nanos[i] = System.nanoTime() - start;
      assertThat(answer.status()).isEqualTo(200);
    }
    return nanos;
  }

  private FastRun fastPath(ClusterNodes nodes, String context, int perThread) {
    SessionOnNodes s =
        SessionOnNodes.login(nodes, context, families.issue().issued(), Duration.ofMinutes(10));
    long start = System.nanoTime();
    List<long[]> perThreadLatencies =
        Burst.run(
            FAST_THREADS,
            () -> {
              long[] l = new long[perThread];
              for (int i = 0; i < perThread; i++) {
                long t = System.nanoTime();
                Echo answer = s.echoOnNextNode();
                l[i] = System.nanoTime() - t;
                if (answer.status() != 200) {
                  throw new AssertionError("fast path: HTTP " + answer.status());
                }
              }
              return l;
            });
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all = perThreadLatencies.stream().flatMapToLong(Arrays::stream).toArray();
    return new FastRun(all, all.length / seconds);
  }

  private record FastRun(long[] latencies, double perSecond) {}

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
  }
}
