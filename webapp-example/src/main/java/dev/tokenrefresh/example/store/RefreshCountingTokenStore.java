package dev.tokenrefresh.example.store;

import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.store.HttpSessionTokenStore;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The example's replacement {@link TokenStore}: the module's {@link HttpSessionTokenStore},
 * extended by a per-session count of refreshes, which {@code /api/me} reports. It shows how an
 * application replaces the store: a CDI bean implementing {@code TokenStore}, selected for the
 * whole application (the module's filter included) as an {@code @Alternative} with a
 * {@code @Priority}.
 *
 * <p>A refresh is counted when the store accepts its tokens; requests that waited for the same
 * refresh all report it, and {@link RefreshTally} counts it once. Thread-safe, as the contract
 * asks: no lock, and no I/O beyond the session.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class RefreshCountingTokenStore extends HttpSessionTokenStore {

  /** The session attribute holding the session's {@link RefreshTally}. */
  static final String TALLY = "example.refresh-tally";

  /** Saves the login's tokens and starts counting this session's refreshes from zero. */
  @Override
  public void save(HttpServletRequest request, TokenSet tokens) {
    super.save(request, tokens);
    request.getSession(false).setAttribute(TALLY, new RefreshTally(tokens.issuedAt()));
  }

  @Override
  public Optional<TokenSet> replace(
      HttpServletRequest request, TokenSet previous, TokenSet refreshed) {
    Optional<TokenSet> held = super.replace(request, previous, refreshed);
    if (held.isPresent() && held.get() == refreshed) {
      tally(request).ifPresent(t -> t.record(refreshed.issuedAt()));
    }
    return held;
  }

  /** The refreshes of the request's session since its login; 0 without a session. */
  public int refreshes(HttpServletRequest request) {
    return tally(request).map(RefreshTally::refreshes).orElse(0);
  }

  private static Optional<RefreshTally> tally(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(TALLY) instanceof RefreshTally t
        ? Optional.of(t)
        : Optional.empty();
  }
}
