package dev.tokenrefresh.internal.core.cluster;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider with refresh-token rotation and reuse detection, like Keycloak's: a valid refresh
 * token is redeemed once for new tokens; presenting a used one is refused as a dead grant. Calls
 * wait at a gate first (the provider "has not answered yet"). Counts calls and redemptions.
 * Thread-safe.
 */
final class RotatingIdp implements TokenEndpoint {

  private final Set<String> valid = new HashSet<>();
  private final List<String> presented = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger redeemed = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  /** Calls that reached the gate; guarded by {@code this}, waited on by {@link #awaitEntered}. */
  private int entered;

  /** A session's first tokens, as a login would issue them. */
  synchronized TokenSet login() {
    TokenSet t = Tokens.expired();
    valid.add(t.refreshToken());
    return t;
  }

  /** Holds calls at the gate until {@link #open()}. */
  RotatingIdp gated() {
    gate = new CountDownLatch(1);
    return this;
  }

  void open() {
    gate.countDown();
  }

  void awaitEntered() throws InterruptedException {
    awaitEntered(1);
  }

  /** Waits (at most 10 s) until {@code count} calls in all have reached the gate. */
  synchronized void awaitEntered(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (entered < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(entered + " of " + count + " calls reached the provider");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  private synchronized void enter() {
    entered++;
    notifyAll();
  }

  int calls() {
    return calls.get();
  }

  int redemptions() {
    return redeemed.get();
  }

  int reuses() {
    return reused.get();
  }

  /** How often {@code refreshToken} was presented. */
  long presentations(String refreshToken) {
    synchronized (presented) {
      return presented.stream().filter(refreshToken::equals).count();
    }
  }

  @Override
  public TokenSet refresh(TokenSet current) {
    calls.incrementAndGet();
    presented.add(current.refreshToken());
    enter();
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw IdpFaultException.of(FaultKind.IO, "interrupted");
    }
    return redeem(current);
  }

  private synchronized TokenSet redeem(TokenSet current) {
    if (!valid.remove(current.refreshToken())) {
      reused.incrementAndGet();
      throw new GrantRevokedException("invalid_grant");
    }
    TokenSet next = Tokens.rotated();
    valid.add(next.refreshToken());
    redeemed.incrementAndGet();
    return next;
  }
}
