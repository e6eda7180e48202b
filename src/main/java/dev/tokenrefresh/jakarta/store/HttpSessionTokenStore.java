package dev.tokenrefresh.jakarta.store;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default {@link TokenStore}: one session attribute holding an atomic reference to the
 * session's {@link TokenSet}, so that concurrent requests replace tokens by compare-and-set rather
 * than under a lock. It never creates a session ({@code getSession(false)}); the application's
 * login creates it. Thread-safe.
 *
 * <p>{@code @Dependent}: it holds no state, so every injection point may have an instance of its
 * own, and the filter calls it directly rather than through a client proxy, which on Payara
 * resolves the bean through Weld's container again on every call (see docs/throughput.md).
 */
@Dependent
public class HttpSessionTokenStore implements TokenStore {

  /** The session attribute that holds the tokens. */
  public static final String ATTRIBUTE = "dev.tokenrefresh.tokens";

  @Override
  public Optional<TokenSet> load(HttpServletRequest request) {
    // Runs on every request: no intermediate Optional, one attribute lookup.
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return session.getAttribute(ATTRIBUTE) instanceof Holder h
        ? Optional.ofNullable(h.tokens.get())
        : Optional.empty();
  }

  @Override
  public void save(HttpServletRequest request, TokenSet tokens) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      throw new IllegalStateException("no HTTP session: create one before saving tokens");
    }
    Optional<Holder> existing = holder(request);
    if (existing.isPresent()) {
      existing.get().tokens.set(tokens);
      markChanged(request, existing.get());
    } else {
      session.setAttribute(ATTRIBUTE, new Holder(tokens));
    }
  }

  @Override
  public TokenSet replace(HttpServletRequest request, TokenSet previous, TokenSet refreshed) {
    Optional<Holder> holder = holder(request);
    if (holder.isEmpty()) {
      return refreshed;
    }
    AtomicReference<TokenSet> ref = holder.get().tokens;
    while (true) {
      TokenSet current = ref.get();
      boolean newer = current == null || refreshed.issuedAt().isAfter(current.issuedAt());
      if (!(current == previous || newer)) {
        return current;
      }
      if (ref.compareAndSet(current, refreshed)) {
        markChanged(request, holder.get());
        return refreshed;
      }
    }
  }

  @Override
  public void clear(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(ATTRIBUTE);
    }
  }

  /**
   * Empties the holder by compare-and-set, only while it holds tokens with {@code dead}'s refresh
   * token; the attribute stays (emptied), so that a login saving new tokens at the same moment is
   * never removed.
   */
  @Override
  public void clear(HttpServletRequest request, TokenSet dead) {
    Optional<Holder> holder = holder(request);
    if (holder.isEmpty()) {
      return;
    }
    AtomicReference<TokenSet> ref = holder.get().tokens;
    TokenSet current = ref.get();
    if (current != null
        && current.refreshToken().equals(dead.refreshToken())
        && ref.compareAndSet(current, null)) {
      markChanged(request, holder.get());
    }
  }

  @Override
  public Optional<SessionKey> sessionKey(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? Optional.empty() : Optional.of(SessionKey.of(session.getId()));
  }

  /**
   * Sets the attribute again after an in-place change, so that a server replicating sessions
   * (Payara's data grid, WildFly's distributable sessions) copies the new tokens.
   */
  private static void markChanged(HttpServletRequest request, Holder holder) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.setAttribute(ATTRIBUTE, holder);
    }
  }

  private static Optional<Holder> holder(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Object value = session.getAttribute(ATTRIBUTE);
    return value instanceof Holder h && h.tokens.get() != null ? Optional.of(h) : Optional.empty();
  }

  /** The session attribute. Serializable for session replication; prints no token. */
  static final class Holder implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    final AtomicReference<TokenSet> tokens;

    Holder(TokenSet tokens) {
      this.tokens = new AtomicReference<>(tokens);
    }

    @Override
    public String toString() {
      return "TokenHolder[" + tokens.get() + "]";
    }
  }
}
