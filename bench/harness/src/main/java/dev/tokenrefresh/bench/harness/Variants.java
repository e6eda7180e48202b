package dev.tokenrefresh.bench.harness;

import dev.tokenrefresh.internal.core.RefreshSettings;

/**
 * Configurations of the module other than the defaults, run next to the default to show which
 * setting a result depends on. Thread-safe (stateless).
 */
final class Variants {

  private Variants() {}

  /** The defaults, with {@code token-refresh.max-suspended(-per-flight)} raised to {@code n}. */
  static StrategySpec uncappedSuspension(int n) {
    ModuleStrategy.Config d = ModuleStrategy.Config.defaults();
    return StrategySpec.module(
        new ModuleStrategy.Config(
            "module[per-flight=" + n + "]", d.settings(), Math.max(n, d.maxSuspended()), n));
  }

  /** The defaults, with {@code token-refresh.max-concurrent} set to {@code n}. */
  static StrategySpec maxConcurrent(int n) {
    ModuleStrategy.Config d = ModuleStrategy.Config.defaults();
    RefreshSettings settings = d.settings().toBuilder().maxConcurrent(n).build();
    return StrategySpec.module(
        new ModuleStrategy.Config(
            "module[max-concurrent=" + n + "]",
            settings,
            d.maxSuspended(),
            d.maxSuspendedPerFlight()));
  }
}
