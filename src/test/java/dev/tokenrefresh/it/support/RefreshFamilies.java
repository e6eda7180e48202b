package dev.tokenrefresh.it.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import okhttp3.Headers;

/**
 * A provider model that rotates refresh tokens and detects reuse as Keycloak does with "revoke
 * refresh token" on: each grant is a family of refresh tokens; redeeming the family's current one
 * rotates it, redeeming any earlier one is refused {@code invalid_grant} and kills the family, so
 * that its current token is refused from then on too. Installed on the {@link MockIdp} as the
 * standing answer to refresh grants ({@link #step()}); the tokens are opaque random strings.
 *
 * <p>The model decides only when it answers: a redemption held by an {@link Interception} and then
 * dropped (its client died meanwhile) never happened, as for a request lost before the provider
 * processed it. Thread-safe: the decisions are made under the model's lock, holds are awaited
 * outside it.
 */
public final class RefreshFamilies {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Guarded by {@code this}: every refresh token ever issued, old ones included. */
  private final Map<String, Family> byToken = new HashMap<>();

  private final Queue<Interception> interceptions = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Hold> everyRedemption = new AtomicReference<>();

  /** The step to install with {@link MockIdp#answerEveryRefresh}. */
  public IdpStep step() {
    return IdpStep.answeredBy(this::answer);
  }

  /** A new grant (a login): a family whose current tokens are returned. */
  public synchronized Family issue() {
    Family family = new Family(new TokenGrant(random("at"), random("rt")));
    byToken.put(family.current.refreshToken(), family);
    return family;
  }

  /** The family of {@code refreshToken}; fails when the model never issued it. */
  public synchronized Family familyOf(String refreshToken) {
    Family f = byToken.get(refreshToken);
    if (f == null) {
      throw new AssertionError("no family issued this refresh token");
    }
    return f;
  }

  /** Intercepts the next redemption that no earlier interception claimed. */
  public Interception interceptNext(Hold beforeProcessing, Hold afterRotation) {
    Interception i = new Interception(beforeProcessing, afterRotation);
    interceptions.add(i);
    return i;
  }

  /**
   * Keeps every redemption back, before it is processed, until {@code hold} is released (or its
   * maximum passes); {@code null} lets them through again.
   */
  public void holdEveryRedemption(Hold hold) {
    everyRedemption.set(hold);
  }

  /** Forgets the interceptions and the standing hold (the families stay). */
  public void reset() {
    interceptions.clear();
    everyRedemption.set(null);
  }

  private OAuth2HttpResponse answer(OAuth2HttpRequest request) {
    String presented = formField(request.getBody(), "refresh_token");
    Interception interception = interceptions.poll();
    if (interception != null) {
      interception.arrived.release();
      interception.beforeProcessing.await();
      if (interception.dropped) {
        return reply(503, "{\"error\":\"temporarily_unavailable\"}");
      }
    }
    Hold standing = everyRedemption.get();
    if (standing != null) {
      standing.await();
    }
    TokenGrant rotated;
    synchronized (this) {
      rotated = redeem(presented);
    }
    if (rotated == null) {
      return reply(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refused\"}");
    }
    if (interception != null && interception.afterRotation != null) {
      interception.afterRotation.await();
    }
    return reply(
        200,
        "{\"access_token\":\""
            + rotated.accessToken()
            + "\",\"token_type\":\"Bearer\",\"expires_in\":600,\"refresh_token\":\""
            + rotated.refreshToken()
            + "\"}");
  }

  /** Guarded by {@code this}. The new tokens, or {@code null} when the redemption is refused. */
  private TokenGrant redeem(String presented) {
    Family f = presented == null ? null : byToken.get(presented);
    if (f == null) {
      return null;
    }
    f.calls.merge(presented, 1, Integer::sum);
    if (f.dead) {
      f.refusals++;
      return null;
    }
    if (!presented.equals(f.current.refreshToken())) {
      f.dead = true; // reuse: the whole family is revoked, as Keycloak does
      f.reuses++;
      return null;
    }
    f.current = new TokenGrant(random("at"), random("rt"));
    f.rotations++;
    byToken.put(f.current.refreshToken(), f);
    return f.current;
  }

  private static OAuth2HttpResponse reply(int status, String json) {
    return new OAuth2HttpResponse(
        Headers.of("Content-Type", "application/json", "Cache-Control", "no-store"),
        status,
        json,
        null);
  }

  private static String formField(String body, String name) {
    if (body == null) {
      return null;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String random(String prefix) {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return prefix + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * One grant's refresh tokens as the provider sees them. Its fields are read under the model's
   * lock. {@code toString} shows counts only.
   */
  public final class Family {

    private final TokenGrant issued;
    private final Map<String, Integer> calls = new HashMap<>();
    private TokenGrant current;
    private boolean dead;
    private int rotations;
    private int reuses;
    private int refusals;

    private Family(TokenGrant issued) {
      this.issued = issued;
      this.current = issued;
    }

    /** The tokens the family started with (the login's). */
    public TokenGrant issued() {
      return issued;
    }

    /** The tokens a client must hold now. */
    public TokenGrant current() {
      synchronized (RefreshFamilies.this) {
        return current;
      }
    }

    /** Redemptions that presented {@code refreshToken}, however they were answered. */
    public int callsWith(String refreshToken) {
      synchronized (RefreshFamilies.this) {
        return calls.getOrDefault(refreshToken, 0);
      }
    }

    /** Redemptions of any of the family's tokens, however they were answered. */
    public int calls() {
      synchronized (RefreshFamilies.this) {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
      }
    }

    /** Successful redemptions (rotations). */
    public int rotations() {
      synchronized (RefreshFamilies.this) {
        return rotations;
      }
    }

    /** Redemptions of a token already rotated away: each killed the family. */
    public int reuses() {
      synchronized (RefreshFamilies.this) {
        return reuses;
      }
    }

    /** Whether the family was revoked (a reuse): every token of it is refused. */
    public boolean isDead() {
      synchronized (RefreshFamilies.this) {
        return dead;
      }
    }

    @Override
    public String toString() {
      synchronized (RefreshFamilies.this) {
        return "Family[calls="
            + calls.values()
            + ", rotations="
            + rotations
            + ", reuses="
            + reuses
            + ", refusals="
            + refusals
            + (dead ? ", dead" : ", alive")
            + "]";
      }
    }
  }

  /**
   * One redemption singled out: held before the provider processes it, then processed or dropped
   * unprocessed; and, once processed, its answer optionally held after the rotation. Thread-safe.
   */
  public static final class Interception {

    private final Hold beforeProcessing;
    private final Hold afterRotation;
    private final Semaphore arrived = new Semaphore(0);
    private volatile boolean dropped;

    private Interception(Hold beforeProcessing, Hold afterRotation) {
      this.beforeProcessing = beforeProcessing;
      this.afterRotation = afterRotation;
    }

    /** Waits, bounded, until the redemption reached the provider. */
    public boolean awaitArrival(Duration max) {
      try {
        return arrived.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    /** The held redemption is never processed: as if it was lost before the provider read it. */
    public void dropUnprocessed() {
      dropped = true;
      beforeProcessing.release();
    }
  }
}
