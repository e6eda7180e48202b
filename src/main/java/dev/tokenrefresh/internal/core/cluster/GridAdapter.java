package dev.tokenrefresh.internal.core.cluster;

/**
 * What every adapter of a grid library holds alike: the two maps, made once when the adapter is
 * built and handed out as they are. The adapter adds the membership and {@link #close()}.
 * Thread-safe when the maps are.
 *
 * @param <M> the adapter's own map type, so that the adapter can reach what only it knows of its
 *     maps (closing their listeners)
 */
public abstract class GridAdapter<M extends GridMap> implements ClusterGrid {

  private final M flights;
  private final M sessions;

  /**
   * @param flights the map of refresh flights
   * @param sessions the map of sessions' current tokens
   */
  protected GridAdapter(M flights, M sessions) {
    this.flights = flights;
    this.sessions = sessions;
  }

  @Override
  public final M flights() {
    return flights;
  }

  @Override
  public final M sessions() {
    return sessions;
  }
}
