package dev.tokenrefresh.bench.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-process load harness: runs every {@link Scenario} of the plan against the module, the
 * naive filter and the session-lock filter, prints the table and writes the CSV that {@link
 * CoalescingChart} draws. Run it with {@code mvn -B -f bench/harness/pom.xml package
 * exec:exec@harness exec:exec@chart} (see docs/benchmarks-harness.md).
 *
 * <p>Arguments: {@code [--quick] [--csv PATH]}. {@code --quick} runs a smaller plan (smoke test).
 * The whole run stops starting scenarios after {@link #BUDGET}; each scenario waits at most its own
 * deadline.
 */
public final class HarnessMain {

  private static final Duration BUDGET = Duration.ofSeconds(150);
  private static final Duration FAST = Duration.ofMillis(200);
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private HarnessMain() {}

  /** Runs the plan; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    Path csv = Path.of(argAfter(args, "--csv", "target/harness/results.csv"));
    ScenarioRunner runner = new ScenarioRunner();
    warmUp(runner);
    System.out.printf(
        "harness: %d processors, max heap %d MiB, %d live threads between scenarios%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        runner.baselineThreads());
    List<ScenarioResult> results = runPlan(runner, quick ? quickPlan() : fullPlan());
    System.out.println();
    ResultTable.print(System.out, results);
    ResultCsv.write(csv, results);
    System.out.println();
    System.out.println("harness: wrote " + csv.toAbsolutePath());
  }

  private static List<ScenarioResult> runPlan(ScenarioRunner runner, List<Step> plan)
      throws InterruptedException {
    long deadline = System.nanoTime() + BUDGET.toNanos();
    List<ScenarioResult> results = new ArrayList<>();
    for (Step step : plan) {
      if (System.nanoTime() - deadline > 0) {
        System.out.println("harness: time budget spent, skipped " + step);
        continue;
      }
      ScenarioResult r = runner.run(step.scenario(), step.strategy());
      System.out.printf(
          "harness: %-20s %-38s done in %6.0f ms%n", r.scenario(), r.strategy(), r.wallMs());
      results.add(r);
    }
    return results;
  }

  /** Lets the JIT compile the hot paths of all three strategies before anything is measured. */
  private static void warmUp(ScenarioRunner runner) throws InterruptedException {
    Scenario warm = new Scenario("warm-up", 10, 100, Duration.ofMillis(50), 0, 0, DEADLINE);
    for (int round = 0; round < 2; round++) {
      for (StrategySpec s :
          List.of(StrategySpec.MODULE, StrategySpec.NAIVE, StrategySpec.SESSION_LOCK)) {
        runner.run(warm, s);
      }
    }
  }

  private static List<Step> fullPlan() {
    List<Step> plan = new ArrayList<>(curvePlan());
    Scenario many = new Scenario("sessions-100x100", 100, 100, FAST, 0, 0, DEADLINE);
    plan.addAll(Step.allThree(many));
    plan.add(new Step(many, Variants.maxConcurrent(100)));
    plan.addAll(Step.allThree(pooled("sessions-100x100", 100, 100)));
    plan.addAll(Step.allThree(slowIdp(Duration.ofSeconds(3))));
    return plan;
  }

  /** One session, N requests: one thread per request, then the same on a bounded pool. */
  private static List<Step> curvePlan() {
    List<Step> plan = new ArrayList<>();
    for (int n : new int[] {100, 1_000, 10_000}) {
      plan.addAll(Step.allThree(curve(n)));
    }
    plan.add(new Step(curve(10_000), Variants.uncappedSuspension(10_000)));
    for (int n : new int[] {1_000, 10_000}) {
      plan.addAll(Step.allThree(pooled("curve-" + n, 1, n)));
    }
    return plan;
  }

  /** The blocking strategies on the container's bounded pool instead of a thread per request. */
  private static Scenario pooled(String id, int sessions, int n) {
    int pool = Scenario.MODULE_POOL;
    return new Scenario(id + "-pool" + pool, sessions, n, FAST, pool, 0, DEADLINE);
  }

  private static List<Step> quickPlan() {
    List<Step> plan = new ArrayList<>();
    plan.addAll(Step.allThree(curve(100)));
    plan.addAll(Step.allThree(curve(1_000)));
    plan.addAll(Step.allThree(new Scenario("sessions-10x100", 10, 100, FAST, 0, 0, DEADLINE)));
    plan.addAll(Step.allThree(slowIdp(Duration.ofSeconds(1))));
    return plan;
  }

  private static Scenario curve(int n) {
    return new Scenario("curve-" + n, 1, n, FAST, 0, 0, DEADLINE);
  }

  /** 400 requests of one session wait for a slow provider; another user keeps working. */
  private static Scenario slowIdp(Duration latency) {
    int otherRequests = (int) (latency.toMillis() * 2 / 3 / Scenario.OTHER_USER_SPACING.toMillis());
    return new Scenario(
        "slow-idp-" + latency.toSeconds() + "s",
        1,
        400,
        latency,
        Scenario.MODULE_POOL,
        otherRequests,
        DEADLINE);
  }

  private static String argAfter(String[] args, String flag, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(flag)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  /** One run of the plan. */
  private record Step(Scenario scenario, StrategySpec strategy) {
    static List<Step> allThree(Scenario scenario) {
      return List.of(
          new Step(scenario, StrategySpec.MODULE),
          new Step(scenario, StrategySpec.NAIVE),
          new Step(scenario, StrategySpec.SESSION_LOCK));
    }

    @Override
    public String toString() {
      return scenario.id() + " / " + strategy.name();
    }
  }
}
