package dev.tokenrefresh.bench.harness;

import dev.tokenrefresh.internal.core.TokenEndpoint;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Names a strategy (and, for the module, its configuration) so that each scenario run builds a
 * fresh instance of it.
 *
 * @param kind which strategy
 * @param module the module's configuration; ignored for the others
 */
record StrategySpec(Kind kind, ModuleStrategy.Config module) {

  /** The three strategies compared. */
  enum Kind {
    MODULE,
    NAIVE,
    SESSION_LOCK
  }

  static final StrategySpec MODULE =
      new StrategySpec(Kind.MODULE, ModuleStrategy.Config.defaults());
  static final StrategySpec NAIVE = new StrategySpec(Kind.NAIVE, null);
  static final StrategySpec SESSION_LOCK = new StrategySpec(Kind.SESSION_LOCK, null);

  /** A variant of the module. */
  static StrategySpec module(ModuleStrategy.Config config) {
    return new StrategySpec(Kind.MODULE, config);
  }

  String name() {
    return switch (kind) {
      case MODULE -> module.name();
      case NAIVE -> "naive";
      case SESSION_LOCK -> "session-lock";
    };
  }

  boolean blocksRequestThread() {
    return kind != Kind.MODULE;
  }

  Strategy create(TokenEndpoint idp, Executor requestThreads, Clock clock) {
    return switch (kind) {
      case MODULE -> new ModuleStrategy(module, idp, requestThreads, clock);
      case NAIVE -> new NaiveStrategy(idp, clock);
      case SESSION_LOCK -> new SessionLockStrategy(idp, clock);
    };
  }
}
