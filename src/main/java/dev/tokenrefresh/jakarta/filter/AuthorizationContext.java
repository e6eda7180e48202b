package dev.tokenrefresh.jakarta.filter;

import jakarta.security.jacc.PolicyContext;

/**
 * Carries the Jakarta Authorization policy context id of a request that suspends to the thread that
 * resumes it. Payara 7 (Exousia) finds the application's policy through this thread-local id, and
 * its async-dispatch threads do not set it: {@code isUserInRole} on a resumed request then fails
 * with a {@code NullPointerException} inside the server (a 500). Payara 6 and WildFly set it or do
 * not need it; there the id is already current and nothing changes. Where the Authorization API is
 * absent, nothing is carried. Stateless; each {@link Scope} belongs to one thread.
 */
final class AuthorizationContext {

  private AuthorizationContext() {}

  /** The current thread's policy context id, or {@code null} (none, or no Authorization API). */
  static String current() {
    try {
      return PolicyContext.getContextID();
    } catch (LinkageError | RuntimeException absent) {
      return null;
    }
  }

  /**
   * Makes {@code id} current on this thread until the scope closes, when the thread has none or
   * another; a no-op for a {@code null} id or the id already current.
   */
  static Scope enter(String id) {
    String previous = current();
    if (id == null || id.equals(previous)) {
      return () -> {};
    }
    try {
      PolicyContext.setContextID(id);
    } catch (LinkageError | RuntimeException refused) {
      return () -> {};
    }
    return () -> PolicyContext.setContextID(previous);
  }

  /** Restores the thread's previous id. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
