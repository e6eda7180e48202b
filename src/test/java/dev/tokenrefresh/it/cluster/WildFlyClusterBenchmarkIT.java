package dev.tokenrefresh.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.Burst;
import dev.tokenrefresh.it.support.BusyThreads;
import dev.tokenrefresh.it.support.Echo;
import dev.tokenrefresh.it.support.FailsafeProperty;
import dev.tokenrefresh.it.support.Hold;
import dev.tokenrefresh.it.support.Latencies;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.RefreshFamilies;
import dev.tokenrefresh.it.support.RefreshFamilies.Family;
import dev.tokenrefresh.it.support.TestApp;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The side by side of docs/wildfly-cluster.md, on the two WildFly nodes of {@link WildFlyCluster}
 * (a benchmark that prints a table, not a timed test; opt-in with {@code
 * -Dit.wildfly.cluster.bench=true}): 400 waiting requests of one session, sent to the nodes in
 * turn, while the provider takes 3 s to answer the refresh; meanwhile another user sends requests
 * with a valid token to the nodes in turn. Run A: WildFly's default session locking alone (the
 * session cache's transactions on, the module per node: {@code token-refresh.cluster=local}). Run
 * B: the module with the Infinispan adapter, session concurrency relaxed. Each run starts the two
 * nodes afresh. What it measures: provider calls, the peak of busy request threads per node ({@link
 * BusyThreads}), the other user's p50/p99, and the machine's load average.
 */
@EnabledIfSystemProperty(named = "it.container", matches = "wildfly-cluster")
class WildFlyClusterBenchmarkIT {

  private static final int WAITING = 400;
  private static final Duration REFRESH = Duration.ofSeconds(3);

  private final RefreshFamilies families = new RefreshFamilies();

  @Test
  void defaultSessionLocking_vsTheInfinispanAdapter_table() throws Exception {
    Assumptions.assumeTrue(
        Boolean.getBoolean("it.wildfly.cluster.bench"), "opt-in: -Dit.wildfly.cluster.bench=true");
    Path work =
        FailsafeProperty.path("it.cluster.work", "target/cluster")
            .resolve(getClass().getSimpleName());
    Files.createDirectories(work);
    List<String> rows = new ArrayList<>();
    rows.add(run("A", "BATCH", ClusterWars.LOCAL, work.resolve("a")));
    rows.add(run("B", "NONE", ClusterWars.GRID, work.resolve("b")));
    String table =
        "| run | WildFly session locking | module | provider calls | busy request threads node 0"
            + " / node 1, 1-2.5 s into the refresh (peak) | peak busy, whole run, node 0 / node 1"
            + " (pool) | other user: requests, p50, p99 | answers | load average (1 min) before /"
            + " after |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
            + String.join("\n", rows)
            + "\n";
    Files.writeString(work.resolve("table.md"), table, StandardCharsets.UTF_8);
    System.out.println(table);
  }

  private String run(String name, String sessionTransactions, String context, Path work)
      throws Exception {
    Files.createDirectories(work);
    File[] wars = ClusterWars.export(work, "infinispan", Map.of());
    try (WildFlyCluster nodes =
        WildFlyCluster.start(offsets(), sessionTransactions, Arrays.asList(wars), work)) {
      MockIdp.shared().reset();
      families.reset();
      MockIdp.shared().answerEveryRefresh(families.step());
      TestApp[] apps = {new TestApp(nodes.base(0, context)), new TestApp(nodes.base(1, context))};
      Family waiting = families.issue();
      Family other = families.issue();
      SessionOnNodes session =
          SessionOnNodes.login(nodes, context, waiting.issued(), Duration.ofSeconds(-1));
      SessionOnNodes otherUser =
          SessionOnNodes.login(nodes, context, other.issued(), TestApp.VALID);
      otherUser.echo(0);
      otherUser.echo(1); // both nodes know the other session
      families.holdEveryRedemption(new Hold(REFRESH)); // never released: the provider takes 3 s
      String loadBefore = load();
      int callsBefore = MockIdp.shared().refreshCalls();

      for (TestApp app : apps) {
        BusyThreads.start(app);
      }
      Latencies latencies = new Latencies();
      AtomicBoolean bursting = new AtomicBoolean(true);
      CompletableFuture<Void> probe =
          CompletableFuture.runAsync(
              () -> {
                while (bursting.get()) {
                  latencies.time(otherUser::echoOnNextNode);
                }
              });
      long started = System.currentTimeMillis(); // the servers' clock: the same machine
      Burst<Echo> burst = Burst.start(WAITING, session::echoOnNextNode);
      List<Echo> answers = burst.results();
      bursting.set(false);
      probe.join();
      BusyThreads[] busy = {BusyThreads.stop(apps[0]), BusyThreads.stop(apps[1])};
      int calls = MockIdp.shared().refreshCalls() - callsBefore;

      assertThat(answers).as("every waiting request answered").hasSize(WAITING);
      assertThat(latencies.count()).as("the other user's requests").isPositive();
      long ok = answers.stream().filter(e -> e.status() == 200).count();
      return String.format(
          Locale.ROOT,
          "| %s | %s | %s | %d | %d / %d | %d / %d (%d) | %d, %.0f ms, %.0f ms | %d of %d 200 |"
              + " %s / %s |",
          name,
          "BATCH".equals(sessionTransactions) ? "default (exclusive per session)" : "relaxed",
          ClusterWars.LOCAL.equals(context) ? "per node (`cluster=local`)" : "Infinispan adapter",
          calls,
          busy[0].peakBetween(started + 1000, started + 2500),
          busy[1].peakBetween(started + 1000, started + 2500),
          busy[0].peak(),
          busy[1].peak(),
          busy[0].poolThreads(),
          latencies.count(),
          Latencies.millis(latencies.percentile(50)),
          Latencies.millis(latencies.percentile(99)),
          ok,
          WAITING,
          loadBefore,
          load());
    }
  }

  private static List<Integer> offsets() {
    return Arrays.stream(
            FailsafeProperty.or("it.wildfly.cluster.port-offsets", WildFlyClusterIT.PORT_OFFSETS)
                .split(","))
        .map(String::trim)
        .map(Integer::valueOf)
        .toList();
  }

  private static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
  }
}
