package dev.tokenrefresh.bench.throughput;

/**
 * One deployment of the benchmarked application. All hold the same {@code /api/me} servlet and run
 * in the same server process, each under its own context path.
 */
enum Variant {
  /** No CDI ({@code beans.xml} absent), no module: the bare servlet container. */
  PLAIN("plain"),
  /** CDI on ({@code beans.xml}), no module: what a WAR that can host the module costs already. */
  CDI("cdi"),
  /**
   * Like {@link #CDI} plus a filter on {@code /*} that only passes requests on: the container's
   * price for any filter, for comparison with the module's.
   */
  PASS_THROUGH("pass-through"),
  /**
   * The {@link #FILTERED} WAR with {@code token-refresh.enabled=false}: the module deployed, its
   * filter passing every request on after its first check; only with {@code --module-disabled}.
   */
  MODULE_DISABLED("module-disabled"),
  /** The module in {@code WEB-INF/lib}, its filter active, the session holding a valid token. */
  FILTERED("filtered"),
  /**
   * Like {@link #FILTERED} with the module's classes of another build (e.g. before a change), for
   * an interleaved before/after comparison; only with {@code --baseline-library}.
   */
  BASELINE("baseline");

  private final String context;

  Variant(String context) {
    this.context = context;
  }

  /** The context path without its slash; also the WAR's file name without {@code .war}. */
  String context() {
    return context;
  }

  /** Whether the WAR has a {@code beans.xml}: every variant but {@link #PLAIN}. */
  boolean cdi() {
    return this != PLAIN;
  }

  /** Whether the module's jar is in the WAR's {@code WEB-INF/lib}. */
  boolean module() {
    return switch (this) {
      case PLAIN, CDI, PASS_THROUGH -> false;
      case MODULE_DISABLED, FILTERED, BASELINE -> true;
    };
  }

  /** Whether the module's filter runs and exposes the access token to the application. */
  boolean exposesToken() {
    return module() && this != MODULE_DISABLED;
  }
}
