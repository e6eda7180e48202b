package dev.tokenrefresh.internal.core.breaker;

/** The three states of the identity-provider circuit breaker. */
public enum BreakerState {
  /** Calls flow; consecutive faults are counted. */
  CLOSED,
  /** Calls are refused until the open duration has passed. */
  OPEN,
  /** A limited number of probe calls decide whether to close or re-open. */
  HALF_OPEN;

  /** The numeric value exported as a gauge: 0 closed, 1 open, 2 half-open. */
  public int gaugeValue() {
    return ordinal();
  }
}
