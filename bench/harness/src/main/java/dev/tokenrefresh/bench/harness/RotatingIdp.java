package dev.tokenrefresh.bench.harness;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A simulated identity provider that rotates refresh tokens and detects their reuse, after Keycloak
 * with "Revoke Refresh Token" on and a maximum reuse of 0: each refresh token may be redeemed once;
 * redeeming one a second time answers {@code invalid_grant} and revokes the whole grant, so the
 * refresh token issued to the first redeemer dies too.
 *
 * <p>Each call decides under its grant's monitor the moment it arrives, then holds its caller's
 * thread for {@code latency} (the network round trip and the provider's work) before it answers. It
 * has no capacity limit: any number of calls may wait at once, and the peak is counted.
 * Thread-safe.
 */
final class RotatingIdp implements TokenEndpoint {

  private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);

  private final Duration latency;
  private final Clock clock;
  private final ConcurrentHashMap<String, Grant> grants = new ConcurrentHashMap<>();
  private final LongAdder calls = new LongAdder();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();

  RotatingIdp(Duration latency, Clock clock) {
    this.latency = latency;
    this.clock = clock;
  }

  /** Logs a user in: a new grant whose access token has just expired. */
  TokenSet login(String grantId) {
    Grant grant = new Grant();
    grants.put(grantId, grant);
    Instant now = clock.instant();
    return tokens(grantId, grant.generation, now.minus(ACCESS_TOKEN_LIFETIME).minusSeconds(1));
  }

  /** Logs a user in with an access token that stays valid for the whole run. */
  TokenSet loginValid(String grantId) {
    grants.put(grantId, new Grant());
    return tokens(grantId, 0, clock.instant());
  }

  @Override
  public TokenSet refresh(TokenSet current) {
    calls.increment();
    peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      TokenSet answer = decide(current);
      Thread.sleep(latency.toMillis());
      if (answer == null) {
        throw new GrantRevokedException("invalid_grant");
      }
      return answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdpFaultException(FaultKind.IO, "interrupted", false, e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** Whether {@code tokens}' refresh token would still be accepted (no side effect). */
  boolean accepts(TokenSet tokens) {
    Token token = Token.parse(tokens.refreshToken());
    Grant grant = grants.get(token.grantId());
    if (grant == null) {
      return false;
    }
    synchronized (grant) {
      return !grant.revoked && grant.generation == token.generation();
    }
  }

  /** Calls received so far. */
  long calls() {
    return calls.sum();
  }

  /** The most calls that were in progress at once. */
  int peakConcurrentCalls() {
    return peakInFlight.get();
  }

  /** Rotates, or detects reuse and revokes; {@code null} means {@code invalid_grant}. */
  private TokenSet decide(TokenSet current) {
    Token token = Token.parse(current.refreshToken());
    Grant grant = grants.get(token.grantId());
    if (grant == null) {
      return null;
    }
    synchronized (grant) {
      if (grant.revoked) {
        return null;
      }
      if (token.generation() != grant.generation) {
        grant.revoked = true;
        return null;
      }
      grant.generation++;
      return tokens(token.grantId(), grant.generation, clock.instant());
    }
  }

  private static TokenSet tokens(String grantId, int generation, Instant issuedAt) {
    String suffix = grantId + "." + generation;
    return new TokenSet(
        "at." + suffix,
        new Token(grantId, generation).value(),
        null,
        issuedAt.plus(ACCESS_TOKEN_LIFETIME),
        issuedAt);
  }

  /** One user's grant. Guarded by its own monitor. */
  private static final class Grant {
    private int generation;
    private boolean revoked;
  }

  /** A refresh token of this simulation: {@code rt.<grant>.<generation>}. */
  private record Token(String grantId, int generation) {
    static Token parse(String value) {
      int dot = value.lastIndexOf('.');
      return new Token(value.substring(3, dot), Integer.parseInt(value.substring(dot + 1)));
    }

    String value() {
      return "rt." + grantId + "." + generation;
    }
  }
}
