package dev.tokenrefresh.bench.harness;

import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import java.time.Clock;

/**
 * Holds the session's monitor across the provider call, re-checking the session's tokens once
 * inside: what Payara's Soteria ({@code synchronized (sessionLock)} in its OpenID mechanism) and
 * the Keycloak servlet adapter do. There is no timeout: every request of the session that finds the
 * token expired blocks its thread on the monitor until the call ends. Thread-safe.
 */
final class SessionLockStrategy implements Strategy {

  private final TokenEndpoint idp;
  private final Clock clock;

  SessionLockStrategy(TokenEndpoint idp, Clock clock) {
    this.idp = idp;
    this.clock = clock;
  }

  @Override
  public void handle(SimulatedSession session, Completion done) {
    TokenSet current = session.tokens();
    if (current == null) {
      done.complete(Outcome.SESSION_ENDED);
      return;
    }
    if (!current.needsRefresh(clock.instant(), REFRESH_AHEAD)) {
      done.complete(Outcome.OK);
      return;
    }
    Outcome outcome;
    synchronized (session.lock) {
      outcome = underLock(session);
    }
    done.complete(outcome);
  }

  private Outcome underLock(SimulatedSession session) {
    TokenSet again = session.tokens();
    if (again == null) {
      return Outcome.SESSION_ENDED;
    }
    if (!again.needsRefresh(clock.instant(), REFRESH_AHEAD)) {
      return Outcome.OK;
    }
    return NaiveStrategy.refresh(session, again, idp);
  }

  @Override
  public void close() {}
}
