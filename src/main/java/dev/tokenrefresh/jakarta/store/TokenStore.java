package dev.tokenrefresh.jakarta.store;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Where a session's tokens live. The default, {@link HttpSessionTokenStore}, keeps them in the HTTP
 * session. To keep them elsewhere, provide a CDI bean implementing this interface and select it as
 * an alternative:
 *
 * <pre>{@code
 * @ApplicationScoped @Alternative @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION)
 * public class MyTokenStore implements TokenStore { ... }
 * }</pre>
 *
 * <p>Implementations must be thread-safe: many requests of one session call them at once. The
 * filter calls {@link #load} on every request; a store without state of its own can be
 * {@code @Dependent} (as the default is), which spares that call the client proxy of a normal
 * scope.
 */
public interface TokenStore {

  /**
   * The session's tokens, or empty when it has none (or no session exists). Must not create one.
   */
  Optional<TokenSet> load(HttpServletRequest request);

  /** Stores tokens, e.g. right after login. */
  void save(HttpServletRequest request, TokenSet tokens);

  /**
   * Stores {@code refreshed}, which replaces {@code previous}, only while the session still holds
   * {@code previous}'s refresh token: when another request saved the replacement first, or the
   * browser logged in again meanwhile, the session's tokens stay. Must not hold a lock across any
   * I/O.
   *
   * @return the tokens the session holds afterwards; empty when it holds none (it was logged out or
   *     invalidated while the refresh ran), and then {@code refreshed} must not have been stored
   */
  Optional<TokenSet> replace(HttpServletRequest request, TokenSet previous, TokenSet refreshed);

  /** Removes the session's tokens (the grant is dead). */
  void clear(HttpServletRequest request);

  /**
   * Removes the session's tokens if they are still {@code dead} (the grant the provider refused): a
   * request that held the dead tokens must not remove those of a login that happened meanwhile. The
   * default removes them unconditionally; stores that can compare should override it.
   */
  default void clear(HttpServletRequest request, TokenSet dead) {
    clear(request);
  }

  /** The hashed key of the request's session, or empty when it has none. */
  Optional<SessionKey> sessionKey(HttpServletRequest request);
}
