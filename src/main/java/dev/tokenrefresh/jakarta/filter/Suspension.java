package dev.tokenrefresh.jakarta.filter;

import dev.tokenrefresh.core.token.SessionKey;
import jakarta.servlet.AsyncContext;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One suspended request. Three parties race to finish it: the refresh completing, the async
 * timeout, and the filter being destroyed (undeploy). {@link #claim()} lets exactly one of them
 * through, and gives back the request's place in the {@link SuspensionLimit}. Thread-safe.
 */
final class Suspension {

  private final AsyncContext async;
  private final SessionKey session;
  private final SuspensionLimit limit;
  private final Set<Suspension> registry;
  private final AtomicBoolean settled = new AtomicBoolean();

  Suspension(
      AsyncContext async, SessionKey session, SuspensionLimit limit, Set<Suspension> registry) {
    this.async = async;
    this.session = session;
    this.limit = limit;
    this.registry = registry;
    registry.add(this);
  }

  /** {@code true} for the first caller only, which must then finish the request. */
  boolean claim() {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    registry.remove(this);
    limit.exit(session);
    return true;
  }

  AsyncContext async() {
    return async;
  }
}
