package dev.tokenrefresh.jakarta.cdi;

import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.tokenrefresh.core.metrics.RefreshCounts;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.jakarta.cdi.RefreshEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * The module's CDI bean, as an application sees it: turn the tokens of an application's own login
 * into the session's first {@link TokenSet}, refresh a session's tokens through the same single
 * flight the filter uses, and read the application-wide counts. The module starts with the
 * application whether or not this bean is injected. Thread-safe.
 */
@ApplicationScoped
public class TokenRefreshService {

  @Inject RefreshEngine engine;

  /**
   * Turns the tokens of a login (the authorization-code exchange) into the session's first {@link
   * TokenSet}; save it with the {@code TokenStore}. Validates the ID token like a refresh does.
   *
   * @throws IllegalArgumentException when the tokens are unusable (e.g. no refresh token)
   * @throws IllegalStateException while the provider has not been reached yet
   */
  public TokenSet tokensFromLogin(Tokens tokens) {
    return engine.tokensFromLogin(tokens);
  }

  /**
   * Refreshes {@code current} for {@code session}: one provider call however many callers ask at
   * once (on every node of a cluster). Completes with the new tokens, or exceptionally with a
   * {@link dev.tokenrefresh.core.error.RefreshException}. Save the result with the {@code
   * TokenStore}, then call {@link #stored}.
   */
  public CompletionStage<TokenSet> refresh(SessionKey session, TokenSet current) {
    return engine.refresh(session, current);
  }

  /**
   * Says that {@code session} stored the replacement of {@code previous} (after {@link #refresh}),
   * so that the grace for late requests with the old tokens can end.
   */
  public void stored(SessionKey session, TokenSet previous) {
    engine.stored(session, previous);
  }

  /**
   * The application-wide totals of refresh requests, coalesced requests, grace replays and calls to
   * the token endpoint, whichever metrics library is present (or none).
   */
  public RefreshCounts.Snapshot counts() {
    return engine.counts();
  }
}
