package dev.tokenrefresh.internal.core.cluster;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.TokenSet;
import java.util.Objects;

/**
 * What the grid holds for one refresh flight (one refresh token): the lease of the node calling the
 * provider, or the call's outcome for the session that owns the token. Immutable; no {@code
 * toString} shows a token.
 */
public sealed interface FlightRecord {

  /**
   * A node holds the flight and may call the provider.
   *
   * @param leader the member id of the node
   * @param leaseId random, tells this lease from a later one of the same node
   * @param owner the session-key fingerprint of the session refreshing
   */
  record Leased(String leader, long leaseId, Fingerprint owner) implements FlightRecord {
    /** Requires every field. */
    public Leased {
      Objects.requireNonNull(leader, "leader");
      Objects.requireNonNull(owner, "owner");
    }
  }

  /** A flight's outcome: what every node following it answers. */
  sealed interface Outcome extends FlightRecord {
    /** The session-key fingerprint of the session that owns the refresh token. */
    Fingerprint owner();
  }

  /**
   * The provider rotated the token; {@code tokens} replace it for {@code owner} only.
   *
   * @param owner the session that refreshed
   * @param tokens the new tokens (redacted in {@code toString})
   */
  record Rotated(Fingerprint owner, TokenSet tokens) implements Outcome {
    /** Requires every field. */
    public Rotated {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(tokens, "tokens");
    }
  }

  /**
   * The provider refused the token as a dead grant.
   *
   * @param owner the session that refreshed
   * @param errorCode the OAuth 2.0 error code
   */
  record Revoked(Fingerprint owner, String errorCode) implements Outcome {}

  /**
   * The provider failed (transient): pushed to the followers waiting now, then removed.
   *
   * @param owner the session that refreshed
   * @param kind the fault
   */
  record Faulted(Fingerprint owner, FaultKind kind) implements Outcome {}
}
