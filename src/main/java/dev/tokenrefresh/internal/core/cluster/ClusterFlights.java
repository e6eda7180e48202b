package dev.tokenrefresh.internal.core.cluster;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.GRID_FAILED;

import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.CoordinatorPorts;
import dev.tokenrefresh.internal.core.Redemption;
import dev.tokenrefresh.internal.core.RefreshSettings;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.core.time.Scheduler;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The cluster-wide gate: before a node's flight leader calls the provider, it claims the flight in
 * the {@link FlightLedger}, so that one node in the cluster calls for a refresh token and every
 * other node waits for the outcome the leader records (pushed by a grid listener, never polled). A
 * leader renews its lease while it waits and calls, and sends only on a lease confirmed to outlive
 * the call's timeout; a follower takes the flight over when the leader leaves the cluster or gives
 * the flight up. On the refresh path only, the session's copy is compared with the grid's record of
 * its tokens, so that a copy holding a rotated refresh token is answered with the newer tokens.
 *
 * <p>A grid call that fails, or does not answer within {@link ClusterSettings#gridTimeout()}, ends
 * the refresh as {@link RejectionReason#CLUSTER_UNAVAILABLE} (HTTP 503, retry later): falling back
 * to a per-node call could redeem one refresh token on two nodes and end the session. One WARNING
 * per outage. Grid work runs on {@code gridExecutor}, never on a request thread or a grid event
 * thread. Thread-safe.
 */
public final class ClusterFlights implements FlightGate {

  static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  static final Duration FAULT_TTL = Duration.ofSeconds(1);

  private static final Logger LOG = Logger.getLogger(ClusterFlights.class.getName());

  final FlightLedger ledger;
  final ClusterSettings settings;
  final Duration timeout;
  final Duration outcomeTtl;
  final Duration followDeadline;
  final Scheduler scheduler;
  final Ticker ticker;
  final RefreshMetrics metrics;
  final Predicate<TokenSet> usable;
  private final Executor gridExecutor;

  /** The node flights following another node now; told when a member leaves. */
  private final Set<NodeFlight> followers = ConcurrentHashMap.newKeySet();

  private final Registration membership;

  /** What the gate's creator stops when the gate closes (the grid threads it started). */
  private final Runnable onClose;

  /** Whether the grid is failing now: set by a failure, cleared by the next success. */
  private final AtomicBoolean outage = new AtomicBoolean();

  /**
   * @param ledger the cluster's flight ledger
   * @param settings lease, grid timeout, session time-to-live
   * @param core the coordinator's thresholds (call timeout, rotation grace)
   * @param ports scheduler, ticker and metrics
   * @param gridExecutor runs blocking grid calls
   * @param usable whether tokens need no refresh now (the filter's own test)
   * @param onClose runs when the gate closes, after its grid listeners are removed
   */
  public ClusterFlights(
      FlightLedger ledger,
      ClusterSettings settings,
      RefreshSettings core,
      CoordinatorPorts ports,
      Executor gridExecutor,
      Predicate<TokenSet> usable,
      Runnable onClose) {
    this.ledger = ledger;
    this.settings = settings;
    this.timeout = core.timeout();
    this.outcomeTtl = max(core.rotationGrace(), settings.lease());
    // A leader may wait for a call slot up to the timeout, then call up to the timeout.
    this.followDeadline = core.timeout().multipliedBy(2).plus(settings.lease());
    this.scheduler = ports.scheduler();
    this.ticker = ports.ticker();
    this.metrics = ports.metrics();
    this.usable = usable;
    this.gridExecutor = gridExecutor;
    this.membership = ledger.onMemberLost(this::memberLost);
    this.onClose = onClose;
  }

  @Override
  public void lead(Redemption asked, TokenEndpoint endpoint, LocalLead local) {
    new NodeFlight(this, asked, endpoint, local).start();
  }

  @Override
  public void close() {
    membership.cancel();
    ledger.close();
    onClose.run();
  }

  /** Node flights following another node now (for tests and diagnostics). */
  public int followers() {
    return followers.size();
  }

  void following(NodeFlight f) {
    followers.add(f);
  }

  void notFollowing(NodeFlight f) {
    followers.remove(f);
  }

  private void memberLost(String member) {
    for (NodeFlight f : followers) {
      f.memberLost(member);
    }
  }

  /** Runs grid work for {@code flight}; a full executor fails the flight as a grid failure. */
  void run(Runnable work, CompletableFuture<TokenSet> flight) {
    try {
      gridExecutor.execute(work);
    } catch (RejectedExecutionException full) {
      gridFailed(full, flight);
    }
  }

  /** The grid answered: an outage, if any, is over. */
  void gridAnswered() {
    if (outage.compareAndSet(true, false)) {
      LOG.info("token-refresh-filter: the cluster's data grid answers again");
    }
  }

  /** A grid call failed: counted, warned once per outage; {@code flight} (if any) ends as 503. */
  void gridFailed(Throwable failure, CompletableFuture<TokenSet> flight) {
    metrics.occurred(GRID_FAILED);
    if (outage.compareAndSet(false, true)) {
      LOG.warning(
          "token-refresh-filter: the cluster's data grid is failing ("
              + failure.getClass().getSimpleName()
              + (failure instanceof UnreadableEntryException ? ": " + failure.getMessage() : "")
              + "); refreshes answer 503 cluster_unavailable until it answers again");
    }
    if (flight != null && !flight.isDone()) {
      metrics.rejected(RejectionReason.CLUSTER_UNAVAILABLE);
      flight.completeExceptionally(
          new RefreshRejectedException(RejectionReason.CLUSTER_UNAVAILABLE, RETRY_AFTER));
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
