package dev.tokenrefresh.bench.throughput;

/**
 * One measured wrk run.
 *
 * @param round the round, from 1
 * @param variant the deployment measured
 * @param result what wrk reported
 * @param loadAverage the machine's 1-minute load average right after the run
 */
record Measurement(int round, Variant variant, WrkResult result, double loadAverage) {}
