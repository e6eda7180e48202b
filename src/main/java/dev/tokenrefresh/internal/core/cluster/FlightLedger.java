package dev.tokenrefresh.internal.core.cluster;

import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cluster-wide ledger of refresh flights, over any {@link ClusterGrid}: claiming a flight (one
 * winner per refresh token), renewing and abandoning a lease, recording an outcome, watching a
 * flight, and each session's current tokens. Every value is sealed ({@link SealedCodec}) under its
 * grid key, every key is a fingerprint in hex, every write has a time-to-live. Thread-safe; its
 * calls block on the grid and throw unchecked exceptions when it fails.
 */
public final class FlightLedger {

  private static final SecureRandom LEASE_IDS = new SecureRandom();

  private final ClusterGrid grid;
  private final SealedCodec codec;

  /**
   * @param grid the shared maps and membership
   * @param codec seals and opens values
   */
  public FlightLedger(ClusterGrid grid, SealedCodec codec) {
    this.grid = grid;
    this.codec = codec;
  }

  /**
   * A lease as the grid holds it: its record and its exact sealed bytes (compared on renew and
   * abandon, so that a node never touches a lease that replaced its own).
   *
   * @param flight the refresh-token fingerprint
   * @param record the lease
   * @param sealed the value in the grid
   */
  public record Lease(Fingerprint flight, FlightRecord.Leased record, byte[] sealed) {
    @Override
    public String toString() {
      return "Lease[" + flight + ", leader=" + record.leader() + "]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Lease l && flight.equals(l.flight) && Arrays.equals(sealed, l.sealed);
    }

    @Override
    public int hashCode() {
      return flight.hashCode();
    }
  }

  /** What a node found when it claimed or read a flight. */
  public sealed interface Claim {}

  /** This node holds the flight and must call the provider. */
  public record Led(Lease lease) implements Claim {}

  /** Another node holds the flight; wait for its outcome. */
  public record Following(Lease lease) implements Claim {}

  /**
   * The flight has an outcome.
   *
   * @param outcome the outcome
   * @param sealed the value in the grid
   */
  public record Done(FlightRecord.Outcome outcome, byte[] sealed) implements Claim {
    @Override
    public String toString() {
      return "Done[" + outcome.getClass().getSimpleName() + "]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Done d && Arrays.equals(sealed, d.sealed);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(sealed);
    }
  }

  /** This node's member id. */
  public String localMember() {
    return grid.localMember();
  }

  /**
   * Claims {@code flight} for {@code session}: one node in the cluster leads it.
   *
   * @param lease the time-to-live of the lease if this node wins the claim
   */
  public Claim claim(Fingerprint flight, SessionKey session, Duration lease) {
    FlightRecord.Leased mine =
        new FlightRecord.Leased(grid.localMember(), LEASE_IDS.nextLong(), session.fingerprint());
    byte[] sealed = codec.seal(RecordFormat.write(mine), flightKey(flight));
    Optional<byte[]> existing = grid.flights().putIfAbsent(flight.hex(), sealed, lease);
    return existing.isEmpty()
        ? new Led(new Lease(flight, mine, sealed))
        : observe(flight, existing.get());
  }

  /** What the grid holds for {@code flight} now. */
  public Optional<Claim> read(Fingerprint flight) {
    return grid.flights().get(flight.hex()).map(v -> observe(flight, v));
  }

  /**
   * Extends {@code held} to {@code ttl} from now, if the grid still holds exactly it.
   *
   * @return whether the lease is still this node's
   */
  public boolean renew(Lease held, Duration ttl) {
    return grid.flights().extend(held.flight().hex(), held.sealed(), ttl);
  }

  /** Removes {@code held} if the grid still holds exactly it (so others may claim the flight). */
  public boolean abandon(Lease held) {
    return grid.flights().remove(held.flight().hex(), held.sealed());
  }

  /** Removes an outcome that is of no use any more (its tokens have expired). */
  public boolean discard(Fingerprint flight, Done done) {
    return grid.flights().remove(flight.hex(), done.sealed());
  }

  /**
   * Records the flight's outcome, replacing the lease; followers are told by their watch.
   *
   * @return the outcome as the grid holds it
   */
  public Done complete(Lease held, FlightRecord.Outcome outcome, Duration ttl) {
    Fingerprint flight = held.flight();
    byte[] sealed = codec.seal(RecordFormat.write(outcome), flightKey(flight));
    grid.flights().set(flight.hex(), sealed, ttl);
    return new Done(outcome, sealed);
  }

  /**
   * Calls {@code onChange} with what the grid holds for {@code flight} after each change (empty:
   * removed or expired, or unreadable). Runs on the grid's event threads.
   */
  public Registration watch(Fingerprint flight, Consumer<Optional<Claim>> onChange) {
    return grid.flights()
        .listen(
            flight.hex(),
            value -> {
              Optional<Claim> claim;
              try {
                claim = value.map(v -> observe(flight, v));
              } catch (UnreadableEntryException unreadable) {
                claim = Optional.empty();
              }
              onChange.accept(claim);
            });
  }

  /** The grid's record of {@code session}'s current tokens. */
  public Optional<SessionRecord> session(SessionKey session) {
    String hex = session.fingerprint().hex();
    return grid.sessions()
        .get(hex)
        .map(v -> RecordFormat.readSession(codec.open(v, sessionKey(hex))));
  }

  /** Records that {@code session}'s refresh token {@code rotated} was replaced by {@code next}. */
  public void recordRotation(SessionKey session, Fingerprint rotated, TokenSet next, Duration ttl) {
    String hex = session.fingerprint().hex();
    SessionRecord record =
        session(session)
            .map(r -> r.then(rotated, next))
            .orElseGet(() -> SessionRecord.first(rotated, next));
    grid.sessions().set(hex, codec.seal(RecordFormat.write(record), sessionKey(hex)), ttl);
  }

  /** Whether {@code member} is in the cluster. */
  public boolean isMember(String member) {
    return grid.isMember(member);
  }

  /** See {@link ClusterGrid#onMemberLost}. */
  public Registration onMemberLost(Consumer<String> onLost) {
    return grid.onMemberLost(onLost);
  }

  /** Removes this node's grid listeners. */
  public void close() {
    grid.close();
  }

  private Claim observe(Fingerprint flight, byte[] sealed) {
    FlightRecord r = RecordFormat.readFlight(codec.open(sealed, flightKey(flight)));
    if (r instanceof FlightRecord.Leased l) {
      return new Following(new Lease(flight, l, sealed));
    }
    return new Done((FlightRecord.Outcome) r, sealed);
  }

  static String flightKey(Fingerprint flight) {
    return "token-refresh-flights/" + flight.hex();
  }

  static String sessionKey(String hex) {
    return "token-refresh-sessions/" + hex;
  }
}
