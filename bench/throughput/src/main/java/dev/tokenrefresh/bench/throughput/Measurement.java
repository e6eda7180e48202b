package dev.tokenrefresh.bench.throughput;

/**
 * One measured wrk run.
 *
 * @param round the round, from 1
 * @param variant the deployment measured
 * @param result what wrk reported
 * @param loadBefore the machine's 1-minute load average right before the run
 * @param loadAfter the same right after the run
 * @param serverCpuTicks CPU time the server's JVM used during the run ({@link CpuTime} ticks)
 * @param wrkCpuTicks CPU time wrk used during the run
 */
record Measurement(
    int round,
    Variant variant,
    WrkResult result,
    double loadBefore,
    double loadAfter,
    long serverCpuTicks,
    long wrkCpuTicks) {

  /** The server's CPU time per completed request, in microseconds. */
  double serverMicrosPerRequest() {
    return serverCpuTicks * CpuTime.MICROS_PER_TICK / result.requests();
  }

  /** wrk's CPU time per completed request, in microseconds. */
  double wrkMicrosPerRequest() {
    return wrkCpuTicks * CpuTime.MICROS_PER_TICK / result.requests();
  }
}
