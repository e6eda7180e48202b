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
    return attribute(request) instanceof Holder h
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

  /**
   * Replaces the tokens only while the session still holds the refresh token the refresh started
   * from: a refresh of one login finishing after the browser logged in again (as the same or
   * another user) never overwrites the new login, and one finishing after a logout stores nothing.
   */
  @Override
  public Optional<TokenSet> replace(
      HttpServletRequest request, TokenSet previous, TokenSet refreshed) {
    Optional<Holder> holder = holder(request);
    if (holder.isEmpty()) {
      return Optional.empty();
    }
    AtomicReference<TokenSet> ref = holder.get().tokens;
    while (true) {
      TokenSet current = ref.get();
      if (current == null) {
        return Optional.empty();
      }
      boolean sameGrant = current.refreshToken().equals(previous.refreshToken());
      if (!sameGrant || refreshed.issuedAt().isBefore(current.issuedAt())) {
        return Optional.of(current);
      }
      if (ref.compareAndSet(current, refreshed)) {
        markChanged(request, holder.get());
        return Optional.of(refreshed);
      }
    }
  }

  @Override
  public void clear(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      try {
        session.removeAttribute(ATTRIBUTE);
      } catch (IllegalStateException invalidated) {
        // Already gone with its session.
      }
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
    if (session == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(SessionKey.of(session.getId()));
    } catch (IllegalStateException invalidated) {
      return Optional.empty();
    }
  }

  /**
   * Sets the attribute again after an in-place change, so that a server replicating sessions
   * (Payara's data grid, WildFly's distributable sessions) copies the new tokens.
   */
  private static void markChanged(HttpServletRequest request, Holder holder) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      try {
        session.setAttribute(ATTRIBUTE, holder);
      } catch (IllegalStateException invalidated) {
        // The session ended meanwhile: nothing left to replicate.
      }
    }
  }

  private static Optional<Holder> holder(HttpServletRequest request) {
    return attribute(request) instanceof Holder h && h.tokens.get() != null
        ? Optional.of(h)
        : Optional.empty();
  }

  /**
   * The attribute, or {@code null} without a session or when the session was invalidated by another
   * request between {@code getSession} and {@code getAttribute} (which then throws {@link
   * IllegalStateException}): an ending session holds no tokens, never a 500.
   */
  private static Object attribute(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    try {
      return session.getAttribute(ATTRIBUTE);
    } catch (IllegalStateException invalidated) {
      return null;
    }
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
