package dev.tokenrefresh.core.token;

import java.util.Objects;

/**
 * Identifies one user session to the core without holding the session id itself: the per-session
 * attempt limit and the rotation grace are keyed by it. Immutable and thread-safe.
 *
 * @param fingerprint SHA-256 of the container's session id
 */
public record SessionKey(Fingerprint fingerprint) {

  /** Requires a fingerprint. */
  public SessionKey {
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** The key of the session whose container id is {@code sessionId}. */
  public static SessionKey of(String sessionId) {
    return new SessionKey(Fingerprint.of(sessionId));
  }

  /** A short, hashed form that log lines may carry. */
  @Override
  public String toString() {
    return "session:" + fingerprint.shortForm();
  }
}
