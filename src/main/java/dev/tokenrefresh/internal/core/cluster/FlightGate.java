package dev.tokenrefresh.internal.core.cluster;

import dev.tokenrefresh.internal.core.Redemption;
import dev.tokenrefresh.internal.core.TokenEndpoint;

/**
 * What a node's flight leader passes through before it may call the provider. The {@link #local()}
 * gate lets it call at once (one call per refresh token per node, as without a cluster); {@link
 * ClusterFlights} first claims the flight cluster-wide, so one node in the cluster calls and the
 * others wait for its outcome. Implementations must be thread-safe.
 */
public interface FlightGate extends AutoCloseable {

  /**
   * Leads the node's flight for {@code asked}: completes its flight itself, or runs {@code local}
   * (the node's admission checks and provider call) with the endpoint to call.
   */
  void lead(Redemption asked, TokenEndpoint endpoint, LocalLead local);

  /** Removes the gate's grid listeners. */
  @Override
  default void close() {}

  /** The node's own admission and provider call for one flight. */
  @FunctionalInterface
  interface LocalLead {
    /**
     * Admits and runs the call redeeming {@code asked}, completing its flight.
     *
     * @param endpoint the endpoint the call must use
     */
    void lead(Redemption asked, TokenEndpoint endpoint);
  }

  /** The gate of a node on its own: it calls at once. */
  static FlightGate local() {
    return (asked, endpoint, local) -> local.lead(asked, endpoint);
  }
}
