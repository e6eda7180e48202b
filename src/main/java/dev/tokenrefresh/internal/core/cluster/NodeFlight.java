package dev.tokenrefresh.internal.core.cluster;

import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.CLAIM_FOLLOWED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.CLAIM_LED;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.CLAIM_TAKEN_OVER;
import static dev.tokenrefresh.internal.core.metrics.RefreshEvent.STALE_COPY_CORRECTED;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.Redemption;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import dev.tokenrefresh.internal.core.time.Scheduler;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cluster side of one node's flight: compares the session's copy with the grid's, claims the
 * flight, then leads it, follows another node's lead (taking it over when that node leaves or gives
 * it up), or answers from a recorded outcome. Every grid call runs on the grid executor; every wait
 * is bounded (the grid timeout for the first look and claim, the follow deadline for a follower's
 * watch and wait). Thread-safe: its fields are written before the claim, or by compare-and-set.
 */
final class NodeFlight {

  /** A chain of outcomes whose tokens are all unusable is not followed further than this. */
  private static final int MAX_HOPS = 4;

  private final ClusterFlights cluster;
  private final Redemption asked;
  private final TokenEndpoint endpoint;
  private final FlightGate.LocalLead local;

  /** Set once this node leads (first claim or takeover); it then follows no longer. */
  private final AtomicBoolean leading = new AtomicBoolean();

  /** Set once this node starts following (watch, deadline, member events). */
  private final AtomicBoolean watching = new AtomicBoolean();

  /** The tokens to redeem (the copy's, or the grid's newer ones); written before each claim. */
  private volatile TokenSet redeem;

  /** The lease followed, updated on each observation; read by the member-lost callback. */
  private volatile FlightLedger.Lease followed;

  private volatile Registration watch;

  /**
   * Bounds the wait for the grid's first answer (the first look and the claim); cancelled once the
   * claim answered, so that a follower's further grid calls fall under its follow deadline.
   */
  private volatile Scheduler.Cancellable firstAnswer;

  private volatile Scheduler.Cancellable deadline;
  private volatile Scheduler.Cancellable recheck;

  NodeFlight(
      ClusterFlights cluster,
      Redemption asked,
      TokenEndpoint endpoint,
      FlightGate.LocalLead local) {
    this.cluster = cluster;
    this.asked = asked;
    this.endpoint = endpoint;
    this.local = local;
  }

  void start() {
    firstAnswer =
        cluster.scheduler.schedule(
            () -> cluster.gridFailed(new TimeoutException("grid timeout"), asked.flight()),
            cluster.settings.gridTimeout());
    cluster.run(
        () -> {
          try {
            begin();
          } finally {
            firstAnswer.cancel();
          }
        },
        asked.flight());
  }

  private void begin() {
    try {
      TokenSet tokens = asked.current();
      Optional<SessionRecord> record = cluster.ledger.session(asked.session());
      if (record.isPresent() && record.get().supersedes(asked.key())) {
        cluster.metrics.occurred(STALE_COPY_CORRECTED);
        tokens = record.get().tokens();
        if (cluster.usable.test(tokens)) {
          cluster.gridAnswered();
          asked.flight().complete(tokens);
          return;
        }
      }
      claim(tokens, false, 0);
    } catch (RuntimeException gridFailure) {
      cluster.gridFailed(gridFailure, asked.flight());
    }
  }

  /** Claims the flight of {@code tokens}' refresh token and acts on what the grid holds. */
  private void claim(TokenSet tokens, boolean takeover, int hops) {
    redeem = tokens;
    Fingerprint key = tokens.refreshTokenFingerprint();
    FlightLedger.Claim claim = cluster.ledger.claim(key, asked.session(), cluster.settings.lease());
    firstAnswer.cancel();
    cluster.gridAnswered();
    if (asked.flight().isDone()) {
      // The grid timeout ended this flight while the claim was under way.
      if (claim instanceof FlightLedger.Led led) {
        cluster.ledger.abandon(led.lease());
      }
      return;
    }
    if (claim instanceof FlightLedger.Led led) {
      lead(led.lease(), takeover);
    } else if (claim instanceof FlightLedger.Following f) {
      follow(f.lease(), hops);
    } else {
      answer(key, (FlightLedger.Done) claim, hops);
    }
  }

  private void lead(FlightLedger.Lease lease, boolean takeover) {
    if (!leading.compareAndSet(false, true)) {
      cluster.ledger.abandon(lease);
      return;
    }
    stopFollowing();
    if (takeover) {
      cluster.metrics.occurred(CLAIM_TAKEN_OVER);
    } else {
      cluster.metrics.occurred(CLAIM_LED);
    }
    LeaderLease held = new LeaderLease(cluster, lease, asked.session(), redeem);
    held.startRenewing();
    asked.flight().whenComplete((tokens, failure) -> cluster.run(held::flightEnded, null));
    local.lead(new Redemption(asked.session(), redeem, asked.flight()), held.guard(endpoint));
  }

  private void follow(FlightLedger.Lease lease, int hops) {
    followed = lease;
    if (watching.compareAndSet(false, true)) {
      cluster.metrics.occurred(CLAIM_FOLLOWED);
      cluster.following(this);
      // Before the watch: registering a listener is a grid call, bounded by this deadline too.
      deadline =
          cluster.scheduler.schedule(
              () -> cluster.run(this::deadlineReached, asked.flight()), cluster.followDeadline);
      watch = cluster.ledger.watch(lease.flight(), this::pushed);
      // Removing a listener is a grid call: never on the thread that completed the flight.
      asked.flight().whenComplete((tokens, failure) -> cluster.run(this::stopFollowing, null));
      scheduleRecheck();
      // An outcome recorded between the claim and the watch: look once more.
      observe(cluster.ledger.read(lease.flight()));
    }
    if (!asked.flight().isDone()
        && !leading.get()
        && !cluster.ledger.isMember(lease.record().leader())) {
      // The leader left before this node watched: no member-lost event will come.
      takeover(lease, hops + 1);
    }
  }

  /**
   * A change pushed by the grid, on its event thread. An outcome that needs no grid call is
   * answered right there (completing the flight does not block); anything else goes to the grid
   * executor, so the event thread never waits on the grid.
   */
  private void pushed(Optional<FlightLedger.Claim> now) {
    if (now.isPresent()
        && now.get() instanceof FlightLedger.Done done
        && !(done.outcome() instanceof FlightRecord.Rotated r
            && !cluster.usable.test(r.tokens()))) {
      if (!asked.flight().isDone() && !leading.get()) {
        answer(followed.flight(), done, 0);
      }
      return;
    }
    cluster.run(() -> observe(now), asked.flight());
  }

  /** What the grid holds for the followed flight changed (or was looked at). */
  private void observe(Optional<FlightLedger.Claim> now) {
    if (asked.flight().isDone() || leading.get()) {
      return;
    }
    try {
      if (now.isEmpty()) {
        takeover(null, 0);
      } else if (now.get() instanceof FlightLedger.Done done) {
        answer(followed.flight(), done, 0);
      } else if (now.get() instanceof FlightLedger.Following f) {
        followed = f.lease();
      }
    } catch (RuntimeException gridFailure) {
      cluster.gridFailed(gridFailure, asked.flight());
    }
  }

  /**
   * Grid events are pushed at most once (Hazelcast drops events under load and propagates a new
   * listener's registration asynchronously): a follower looks once per lease as well, which also
   * finds a lease that ran out (a leader alive but stuck). The push stays the prompt path.
   */
  private void scheduleRecheck() {
    recheck =
        cluster.scheduler.schedule(
            () -> cluster.run(this::recheck, asked.flight()), cluster.settings.lease());
  }

  private void recheck() {
    if (asked.flight().isDone() || leading.get()) {
      return;
    }
    try {
      observe(cluster.ledger.read(followed.flight()));
    } catch (RuntimeException gridFailure) {
      cluster.gridFailed(gridFailure, asked.flight());
      return;
    }
    if (!asked.flight().isDone() && !leading.get()) {
      scheduleRecheck();
    }
  }

  void memberLost(String member) {
    FlightLedger.Lease lease = followed;
    if (lease != null && lease.record().leader().equals(member)) {
      cluster.run(() -> takeover(lease, 0), asked.flight());
    }
  }

  /** Claims the flight again, after removing exactly the lease of a leader that is gone. */
  private void takeover(FlightLedger.Lease gone, int hops) {
    if (asked.flight().isDone() || leading.get() || hops > MAX_HOPS) {
      return;
    }
    try {
      if (gone != null) {
        cluster.ledger.abandon(gone);
      }
      claim(redeem, true, hops);
    } catch (RuntimeException gridFailure) {
      cluster.gridFailed(gridFailure, asked.flight());
    }
  }

  private void answer(Fingerprint key, FlightLedger.Done done, int hops) {
    FlightRecord.Outcome outcome = done.outcome();
    if (!outcome.owner().equals(asked.session().fingerprint())) {
      // Another session redeemed this refresh token: presenting it again would be a reuse.
      asked.flight().completeExceptionally(new GrantRevokedException("invalid_grant"));
    } else if (outcome instanceof FlightRecord.Rotated r) {
      if (cluster.usable.test(r.tokens())) {
        asked.flight().complete(r.tokens());
      } else if (hops < MAX_HOPS) {
        // Recorded tokens that need a refresh themselves: refresh those (the same token again
        // for a provider that keeps refresh tokens, after discarding the old outcome).
        if (r.tokens().refreshTokenFingerprint().equals(key)) {
          cluster.ledger.discard(key, done);
        }
        claim(r.tokens(), false, hops + 1);
      } else {
        cluster.gridFailed(new IllegalStateException("outcome chain too long"), asked.flight());
      }
    } else if (outcome instanceof FlightRecord.Revoked r) {
      asked.flight().completeExceptionally(new GrantRevokedException(r.errorCode()));
    } else if (outcome instanceof FlightRecord.Faulted f) {
      asked
          .flight()
          .completeExceptionally(
              IdpFaultException.of(f.kind(), "the leading node's provider call failed"));
    }
  }

  private void deadlineReached() {
    if (asked.flight().isDone() || leading.get()) {
      return;
    }
    try {
      Optional<FlightLedger.Claim> now = cluster.ledger.read(followed.flight());
      if (now.isPresent() && now.get() instanceof FlightLedger.Done done) {
        answer(followed.flight(), done, 0);
        return;
      }
    } catch (RuntimeException gridFailure) {
      cluster.gridFailed(gridFailure, asked.flight());
      return;
    }
    asked
        .flight()
        .completeExceptionally(
            IdpFaultException.of(
                FaultKind.TIMEOUT, "the leading node recorded no outcome in time"));
  }

  private void stopFollowing() {
    cluster.notFollowing(this);
    Registration w = watch;
    if (w != null) {
      w.cancel();
    }
    Scheduler.Cancellable d = deadline;
    if (d != null) {
      d.cancel();
    }
    Scheduler.Cancellable r = recheck;
    if (r != null) {
      r.cancel();
    }
  }
}
