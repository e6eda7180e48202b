package dev.tokenrefresh.core.error;

import java.util.Objects;

/**
 * The identity provider failed to answer a refresh properly: a transient fault that counts toward
 * the circuit breaker. The session keeps its tokens. Immutable and thread-safe.
 */
public final class IdpFaultException extends RefreshException {

  private static final long serialVersionUID = 1L;

  private final FaultKind kind;
  private final boolean requestNotSent;

  /**
   * @param kind how the provider failed
   * @param detail a description without any token or secret
   * @param requestNotSent {@code true} only when the request provably never reached the provider
   *     (e.g. connection refused); only then may the coordinator retry it
   * @param cause the underlying failure, or {@code null}
   */
  public IdpFaultException(FaultKind kind, String detail, boolean requestNotSent, Throwable cause) {
    super("identity provider fault (" + kind.tag() + "): " + detail, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.requestNotSent = requestNotSent;
  }

  /** A fault whose request may have reached the provider: it is never retried. */
  public static IdpFaultException of(FaultKind kind, String detail) {
    return new IdpFaultException(kind, detail, false, null);
  }

  /** How the provider failed. */
  public FaultKind kind() {
    return kind;
  }

  /** Whether the request provably never left this process, which makes one retry safe. */
  public boolean requestNotSent() {
    return requestNotSent;
  }
}
