package dev.tokenrefresh.bench.harness;

import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import java.time.Clock;

/**
 * Refreshes on every request that sees an expired token, with no coordination between requests:
 * what Spring Security's {@code RefreshTokenOAuth2AuthorizedClientProvider} does when a session's
 * requests call it concurrently. The new tokens are saved last-writer-wins; on {@code
 * invalid_grant} the session's tokens are removed (Spring's {@code
 * RemoveAuthorizedClientOAuth2AuthorizationFailureHandler}). The request thread waits for the
 * provider. Thread-safe.
 */
final class NaiveStrategy implements Strategy {

  private final TokenEndpoint idp;
  private final Clock clock;

  NaiveStrategy(TokenEndpoint idp, Clock clock) {
    this.idp = idp;
    this.clock = clock;
  }

  @Override
  public void handle(SimulatedSession session, Completion done) {
    TokenSet current = session.tokens();
    if (current == null) {
      done.complete(Outcome.SESSION_ENDED);
    } else if (!current.needsRefresh(clock.instant(), REFRESH_AHEAD)) {
      done.complete(Outcome.OK);
    } else {
      done.complete(refresh(session, current, idp));
    }
  }

  /** Calls the provider on this thread and stores what it answered. */
  static Outcome refresh(SimulatedSession session, TokenSet current, TokenEndpoint idp) {
    try {
      session.overwrite(idp.refresh(current));
      return Outcome.OK;
    } catch (GrantRevokedException e) {
      session.clear();
      return Outcome.SESSION_ENDED;
    } catch (IdpFaultException e) {
      return Outcome.IDP_FAULT;
    }
  }

  @Override
  public void close() {}
}
