package dev.tokenrefresh.internal.jakarta.builtin;

import dev.tokenrefresh.core.token.TokenSet;
import jakarta.enterprise.inject.Instance;
import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.security.enterprise.identitystore.openid.RefreshToken;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Reads and writes the tokens of the built-in client's session: Soteria's session-scoped {@code
 * OpenIdContextImpl} (behind {@link OpenIdContext}, whose interface has no setters) and its public
 * token classes. Reached by reflection from the context's own class, so the WAR needs no visibility
 * of Soteria's packages and compiles against no implementation; resolved once, and a Soteria
 * without these members fails every authentication (Payara answers 500) with a message naming the
 * missing member in the server log. Thread-safe: {@link #expired} and {@link #replace} exclude each
 * other, and the access token is replaced last, so that the built-in mechanism, which reads without
 * the lock, sees it valid only with the refresh and ID tokens that came with it.
 */
final class SoteriaTokens {

  static final String CONTEXT_IMPL =
      "org.glassfish.soteria.mechanisms.openid.domain.OpenIdContextImpl";
  private static final String DOMAIN = "org.glassfish.soteria.mechanisms.openid.domain.";

  private final OpenIdContext context;
  private final long minValidityMillis;
  private final String groupsClaim;

  /**
   * Readers of {@link #expired} see the three tokens of one refresh, never the new refresh token
   * with the old access token (which made a second provider call with the new refresh token in one
   * run of the 400-request burst). Held only for the getters and setters, never across I/O.
   */
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  private final Method setAccessToken;
  private final Method setRefreshToken;
  private final Method setIdentityToken;
  private final Method setExpiresIn;
  private final Constructor<?> accessToken;
  private final Constructor<?> refreshToken;
  private final Constructor<?> identityToken;

  /**
   * @param context the built-in client's session-scoped context (a CDI client proxy)
   * @param beans where the client's request-scoped {@code OpenIdConfiguration} is found, for its
   *     {@code tokenMinValidity} (how long before its expiry a token counts as expired), which the
   *     new token objects need
   */
  SoteriaTokens(OpenIdContext context, Instance<Object> beans) {
    this.context = context;
    Class<?> impl = implementation(context.getClass());
    ClassLoader soteria = impl.getClassLoader();
    try {
      Class<?> configurationClass = load(soteria, "OpenIdConfiguration");
      Object configuration = beans.select(configurationClass).get();
      minValidityMillis =
          ((Number) configurationClass.getMethod("getTokenMinValidity").invoke(configuration))
              .longValue();
      Object claims = configurationClass.getMethod("getClaimsConfiguration").invoke(configuration);
      groupsClaim = (String) claims.getClass().getMethod("getCallerGroupsClaim").invoke(claims);
      setAccessToken = impl.getMethod("setAccessToken", AccessToken.class);
      setRefreshToken = impl.getMethod("setRefreshToken", RefreshToken.class);
      setIdentityToken = impl.getMethod("setIdentityToken", IdentityToken.class);
      setExpiresIn = impl.getMethod("setExpiresIn", Long.class);
      accessToken =
          load(soteria, "AccessTokenImpl")
              .getConstructor(String.class, String.class, Long.class, String.class, long.class);
      refreshToken = load(soteria, "RefreshTokenImpl").getConstructor(String.class);
      identityToken = load(soteria, "IdentityTokenImpl").getConstructor(String.class, long.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("this Soteria has no " + e.getMessage(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("OpenIdConfiguration.getTokenMinValidity failed", e);
    }
  }

  /**
   * The session's tokens as a {@link TokenSet} when the built-in client would refresh them now (its
   * access or ID token has expired by its own rule) and it holds a refresh token; empty otherwise,
   * also when the session has no tokens yet.
   */
  Optional<TokenSet> expired(Instant now) {
    lock.readLock().lock();
    try {
      return expiredNow(now);
    } finally {
      lock.readLock().unlock();
    }
  }

  private Optional<TokenSet> expiredNow(Instant now) {
    AccessToken access = context.getAccessToken();
    IdentityToken identity = context.getIdentityToken();
    Optional<RefreshToken> refresh = context.getRefreshToken();
    if (access == null || identity == null || refresh.isEmpty()) {
      return Optional.empty();
    }
    if (!access.isExpired() && !identity.isExpired()) {
      return Optional.empty();
    }
    // Expired by the client's rule: to the coordinator it is due now.
    return Optional.of(
        new TokenSet(access.getToken(), refresh.get().getToken(), identity.getToken(), now, now));
  }

  /**
   * Puts {@code fresh} into the session's context unless another request already replaced {@code
   * previous} (then the context holds the same or newer tokens).
   *
   * @return whether the context now holds {@code fresh}
   */
  boolean replace(TokenSet previous, TokenSet fresh, Instant now) {
    lock.writeLock().lock();
    try {
      return replaceNow(previous, fresh, now);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private boolean replaceNow(TokenSet previous, TokenSet fresh, Instant now) {
    Optional<RefreshToken> held = context.getRefreshToken();
    if (held.isEmpty()) {
      return false; // logged out meanwhile
    }
    String current = held.get().getToken();
    if (current.equals(fresh.refreshToken())) {
      return true;
    }
    if (!current.equals(previous.refreshToken())) {
      return false;
    }
    AccessToken old = context.getAccessToken();
    String scope = old == null || old.getScope() == null ? null : String.join(" ", old.getScope());
    long expiresIn = Math.max(1, Duration.between(now, fresh.accessTokenExpiresAt()).toSeconds());
    invoke(setRefreshToken, create(refreshToken, fresh.refreshToken()));
    if (fresh.idToken() != null && !fresh.idToken().equals(previous.idToken())) {
      invoke(setIdentityToken, create(identityToken, fresh.idToken(), minValidityMillis));
    }
    invoke(setExpiresIn, expiresIn);
    invoke(
        setAccessToken,
        create(accessToken, "Bearer", fresh.accessToken(), expiresIn, scope, minValidityMillis));
    return true;
  }

  /**
   * The caller's groups as the built-in client's identity store reads them after a refresh: the
   * definition's {@code callerGroupsClaim} of the access token, else of the ID token (the user-info
   * endpoint, its last source, is not called: that would be a provider call on the request thread).
   */
  Set<String> callerGroups() {
    AccessToken access = context.getAccessToken();
    if (access != null && access.isJWT()) {
      List<String> groups = access.getJwtClaims().getArrayStringClaim(groupsClaim);
      if (!groups.isEmpty()) {
        return new HashSet<>(groups);
      }
    }
    IdentityToken identity = context.getIdentityToken();
    return identity == null
        ? Set.of()
        : new HashSet<>(identity.getJwtClaims().getArrayStringClaim(groupsClaim));
  }

  private static Class<?> implementation(Class<?> proxy) {
    for (Class<?> c = proxy; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(CONTEXT_IMPL)) {
        return c;
      }
    }
    throw new IllegalStateException(
        "the built-in client's OpenIdContext is not Soteria's " + CONTEXT_IMPL + ": " + proxy);
  }

  private static Class<?> load(ClassLoader soteria, String simpleName) {
    try {
      return Class.forName(DOMAIN + simpleName, false, soteria);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("this Soteria has no " + DOMAIN + simpleName, e);
    }
  }

  private static Object create(Constructor<?> constructor, Object... args) {
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      // Never the cause's message: Soteria's token classes may quote the token.
      throw new IllegalStateException(
          constructor.getDeclaringClass().getSimpleName()
              + " refused the refreshed token ("
              + e.getCause().getClass().getName()
              + ")");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e.getClass().getName(), e);
    }
  }

  private void invoke(Method setter, Object value) {
    try {
      setter.invoke(context, value);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          setter.getName() + " failed (" + e.getCause().getClass().getName() + ")");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e.getClass().getName(), e);
    }
  }
}
