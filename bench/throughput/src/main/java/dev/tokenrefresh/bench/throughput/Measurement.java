package dev.tokenrefresh.bench.throughput;

/**
 * One measured wrk run.
 *
 * @param round the round, from 1
 * @param variant the deployment measured
 * @param result what wrk reported
 * @param loadAverage the machine's 1-minute load average right after the run
 * @param payaraCpuTicks CPU time Payara's process used during the run ({@link CpuTime} ticks)
 * @param wrkCpuTicks CPU time wrk used during the run
 */
record Measurement(
    int round,
    Variant variant,
    WrkResult result,
    double loadAverage,
    long payaraCpuTicks,
    long wrkCpuTicks) {

  /** Payara's CPU time per completed request, in microseconds. */
  double payaraMicrosPerRequest() {
    return payaraCpuTicks * CpuTime.MICROS_PER_TICK / result.requests();
  }

  /** wrk's CPU time per completed request, in microseconds. */
  double wrkMicrosPerRequest() {
    return wrkCpuTicks * CpuTime.MICROS_PER_TICK / result.requests();
  }
}
