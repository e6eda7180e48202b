package dev.tokenrefresh.internal.core.cluster;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.LEASE_LOST;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.LEASE_RENEWED;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import dev.tokenrefresh.internal.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * A leading node's lease on one flight, from the claim to the recorded outcome. It renews the lease
 * every third of it (on the scheduler, the grid call on the grid executor); its {@link #guard}
 * wraps the token endpoint so that the call is sent only after a renewal confirmed the lease for
 * the call's whole timeout, and its outcome (even one arriving after the timeout) is recorded in
 * the grid before the node's flight completes. A flight that ends without sending gives the lease
 * up, so another node may claim it at once.
 *
 * <p>{@link #state} moves HELD → SENDING (after a confirmed renewal) → DONE (outcome recorded), or
 * HELD → DONE (given up), by compare-and-set. Thread-safe.
 */
final class LeaderLease {

  private static final Logger LOG = Logger.getLogger(LeaderLease.class.getName());

  private enum State {
    HELD,
    SENDING,
    DONE
  }

  private final ClusterFlights cluster;
  private final FlightLedger.Lease lease;
  private final SessionKey session;
  private final TokenSet redeemed;
  private final AtomicReference<State> state = new AtomicReference<>(State.HELD);

  /** Set by a renewal that found the lease gone; read before sending. */
  private volatile boolean lost;

  /** The ticker reading when the call was sent; written before SENDING is visible to renewals. */
  private volatile long sentAt;

  private volatile Scheduler.Cancellable renewal;

  LeaderLease(
      ClusterFlights cluster, FlightLedger.Lease lease, SessionKey session, TokenSet redeemed) {
    this.cluster = cluster;
    this.lease = lease;
    this.session = session;
    this.redeemed = redeemed;
  }

  void startRenewing() {
    renewal = cluster.scheduler.schedule(this::renewSoon, cluster.settings.renewEvery());
  }

  private void renewSoon() {
    cluster.run(this::renew, null);
  }

  private void renew() {
    if (state.get() == State.DONE || lost) {
      return;
    }
    if (state.get() == State.SENDING
        && cluster.ticker.read() - sentAt >= cluster.timeout.toNanos()) {
      // The call outlived its timeout (the node gave up on it): the lease lasts one lease more.
      return;
    }
    try {
      if (cluster.ledger.renew(lease, renewalTtl())) {
        cluster.gridAnswered();
        cluster.metrics.occurred(LEASE_RENEWED);
      } else {
        leaseGone(
            state.get() == State.SENDING ? "was lost while its provider call ran" : "was lost");
        return;
      }
    } catch (RuntimeException gridFailure) {
      cluster.gridFailed(gridFailure, null);
    }
    if (state.get() != State.DONE) {
      startRenewing();
    }
  }

  /** A lease long enough for the rest of the call, plus one lease. */
  private Duration renewalTtl() {
    Duration ttl = cluster.settings.lease();
    if (state.get() == State.SENDING) {
      long left = sentAt + cluster.timeout.toNanos() - cluster.ticker.read();
      ttl = ttl.plusNanos(Math.max(0, left));
    }
    return ttl;
  }

  /** The endpoint the node's call uses: it sends only on a confirmed lease. */
  TokenEndpoint guard(TokenEndpoint endpoint) {
    return tokens -> send(tokens, endpoint);
  }

  private TokenSet send(TokenSet tokens, TokenEndpoint endpoint) {
    confirm();
    sentAt = cluster.ticker.read();
    if (!(state.compareAndSet(State.HELD, State.SENDING) || state.get() == State.SENDING)) {
      throw notSent();
    }
    try {
      TokenSet next = endpoint.refresh(tokens);
      record(new FlightRecord.Rotated(session.fingerprint(), next), next);
      return next;
    } catch (GrantRevokedException revoked) {
      record(new FlightRecord.Revoked(session.fingerprint(), revoked.errorCode()), null);
      throw revoked;
    } catch (IdpFaultException fault) {
      if (fault.requestNotSent()) {
        // Retried once by the call, or given up when the flight ends: still held, nothing sent.
        state.compareAndSet(State.SENDING, State.HELD);
      } else {
        record(new FlightRecord.Faulted(session.fingerprint(), fault.kind()), null);
      }
      throw fault;
    }
  }

  /** Renews the lease for the call's whole timeout, or refuses to send. */
  private void confirm() {
    boolean held;
    try {
      held = !lost && cluster.ledger.renew(lease, cluster.timeout.plus(cluster.settings.lease()));
    } catch (RuntimeException gridFailure) {
      cluster.gridFailed(gridFailure, null);
      throw notSent();
    }
    if (!held) {
      leaseGone("was gone before its provider call; the call was not sent (503)");
      throw notSent();
    }
    cluster.gridAnswered();
  }

  /** Marks the lease lost, counting the loss once, and warns how the flight found out. */
  private void leaseGone(String how) {
    if (!lost) {
      lost = true;
      cluster.metrics.occurred(LEASE_LOST);
    }
    LOG.warning(
        () -> "token-refresh-filter: the lease on refresh flight " + lease.flight() + " " + how);
  }

  private static RefreshRejectedException notSent() {
    return new RefreshRejectedException(
        RejectionReason.CLUSTER_UNAVAILABLE, ClusterFlights.RETRY_AFTER);
  }

  /** Records the outcome (and a rotation in the session's record) before the flight completes. */
  private void record(FlightRecord.Outcome outcome, TokenSet rotated) {
    // A late answer arrives on a thread the call's timeout has interrupted: the grid must still
    // learn of a rotation, so the flag is set aside for the writes and restored after.
    boolean interrupted = Thread.interrupted();
    try {
      if (rotated != null) {
        cluster.ledger.recordRotation(
            session, redeemed.refreshTokenFingerprint(), rotated, cluster.settings.sessionTtl());
      }
      if (outcome instanceof FlightRecord.Faulted) {
        // Pushed to the followers waiting now, then removed: the next refresh calls again, as on
        // one node (the breaker counts each fault).
        cluster.ledger.discard(
            lease.flight(), cluster.ledger.complete(lease, outcome, ClusterFlights.FAULT_TTL));
      } else {
        cluster.ledger.complete(lease, outcome, cluster.outcomeTtl);
      }
      cluster.gridAnswered();
    } catch (RuntimeException gridFailure) {
      // The node still answers its own requests; other nodes' requests end at their deadline.
      cluster.gridFailed(gridFailure, null);
    } finally {
      state.set(State.DONE);
      stopRenewing();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The node's flight completed: a lease never used for a call is given up. */
  void flightEnded() {
    if (state.compareAndSet(State.HELD, State.DONE)) {
      stopRenewing();
      try {
        cluster.ledger.abandon(lease);
      } catch (RuntimeException gridFailure) {
        cluster.gridFailed(gridFailure, null);
      }
    }
  }

  private void stopRenewing() {
    Scheduler.Cancellable r = renewal;
    if (r != null) {
      r.cancel();
    }
  }
}
