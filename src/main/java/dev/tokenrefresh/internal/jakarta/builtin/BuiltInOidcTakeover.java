package dev.tokenrefresh.internal.jakarta.builtin;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.jakarta.cdi.RefreshEngine;
import dev.tokenrefresh.internal.jakarta.filter.OutcomeWriter;
import dev.tokenrefresh.internal.jakarta.filter.RefreshOutcome;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The built-in OpenID Connect client's mechanism with the module's refresh: every request goes to
 * the built-in mechanism as with Soteria's default handler, except one of a logged-in session whose
 * tokens the built-in client would refresh now. That one is refreshed by the {@link
 * RefreshEngine}'s coordinator (one provider call per refresh token, attempt limit, breaker,
 * timeout), the new tokens are put into the built-in client's {@code OpenIdContext}, and the
 * request then goes to the built-in mechanism, which finds them valid. A refresh that fails is
 * answered as the filter answers it (README, "HTTP outcomes"): 503 with {@code Retry-After} while
 * the provider is failing, the session kept; only a dead grant ends the session.
 *
 * <p>An authentication mechanism cannot suspend its request: a request waiting for a refresh holds
 * its thread, bounded by the filter's wait timeout, and at most {@link TakeoverSettings#maxBlocked}
 * threads wait at once; another request that would wait is answered 503 {@code too_many_waiting} at
 * once, so a slow provider cannot take every request thread.
 *
 * <p>Thread-safe. Its collaborators are looked up at the first request (the application's beans are
 * not ready while the handler is created).
 */
final class BuiltInOidcTakeover implements HttpAuthenticationMechanismHandler {

  private static final Logger LOG = Logger.getLogger(BuiltInOidcTakeover.class.getName());

  private final BeanManager beans;
  private final Semaphore blocked;
  private volatile Parts parts;

  BuiltInOidcTakeover(BeanManager beans, TakeoverSettings settings) {
    this.beans = beans;
    this.blocked = new Semaphore(settings.maxBlocked());
  }

  /** What the handler works with, resolved once. */
  private record Parts(
      HttpAuthenticationMechanism builtIn, RefreshEngine service, SoteriaTokens tokens) {}

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    Parts p = parts();
    if (request.getUserPrincipal() == null) {
      return p.builtIn().validateRequest(request, response, context);
    }
    Instant now = p.service().clock().instant();
    Optional<TokenSet> expired = p.tokens().expired(now);
    HttpSession session = request.getSession(false);
    if (expired.isEmpty() || session == null) {
      return p.builtIn().validateRequest(request, response, context);
    }
    TokenSet current = expired.get();
    SessionKey key = SessionKey.of(session.getId());
    CompletableFuture<TokenSet> flight = start(p.service(), key, current);
    Optional<RefreshOutcome> waitFailed = await(flight, p.service());
    if (waitFailed.isPresent()) {
      return answer(request, response, p.service(), waitFailed.get());
    }
    Throwable failure = failure(flight);
    if (failure != null) {
      RefreshOutcome outcome = RefreshOutcome.of(failure);
      if (outcome.endsSession()) {
        endSession(request);
      }
      return answer(request, response, p.service(), outcome);
    }
    TokenSet fresh = flight.join();
    if (!p.tokens().replace(current, fresh, p.service().clock().instant())) {
      LOG.fine(() -> "built-in client's tokens changed while " + key + " refreshed");
    }
    p.service().stored(key, current);
    // As the built-in client does after its own refresh: a login with the groups of the new tokens.
    // Handing the request back to the built-in mechanism instead (a principal-only callback, which
    // Payara completes from the session) answered 196 of 400 concurrent requests 403 on Payara 7.
    return context.notifyContainerAboutLogin(
        request.getUserPrincipal().getName(), p.tokens().callerGroups());
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return parts().builtIn().secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    parts().builtIn().cleanSubject(request, response, context);
  }

  private static CompletableFuture<TokenSet> start(
      RefreshEngine service, SessionKey key, TokenSet current) {
    try {
      return service.refresh(key, current).toCompletableFuture();
    } catch (RuntimeException unexpected) {
      LOG.log(Level.WARNING, "token refresh could not start: {0}", unexpected.toString());
      return CompletableFuture.failedFuture(unexpected);
    }
  }

  /** Waits for {@code flight} on this thread, bounded; empty once it is done. */
  private Optional<RefreshOutcome> await(
      CompletableFuture<TokenSet> flight, RefreshEngine service) {
    if (flight.isDone()) {
      return Optional.empty();
    }
    if (!blocked.tryAcquire()) {
      return Optional.of(RefreshOutcome.tooManyWaiting());
    }
    try {
      flight.get(service.filterSettings().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (TimeoutException e) {
      return Optional.of(RefreshOutcome.waitExpired());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(RefreshOutcome.waitExpired());
    } catch (ExecutionException e) {
      return Optional.empty(); // read from the completed flight
    } finally {
      blocked.release();
    }
  }

  private static Throwable failure(CompletableFuture<TokenSet> done) {
    try {
      done.join();
      return null;
    } catch (RuntimeException e) {
      return e.getCause() != null ? e.getCause() : e;
    }
  }

  /** A dead grant: the built-in client's session ends, as Soteria's own logout ends it. */
  private static void endSession(HttpServletRequest request) {
    try {
      request.logout();
    } catch (jakarta.servlet.ServletException | RuntimeException e) {
      LOG.log(Level.FINE, "logout after a dead grant failed: {0}", e.getClass().getName());
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      try {
        session.invalidate();
      } catch (IllegalStateException alreadyInvalid) {
        // another request of the session ended it first
      }
    }
  }

  /**
   * Writes {@code outcome} and ends authentication for this request: {@code SEND_FAILURE} with the
   * response committed, so the container sends it as written.
   */
  private static AuthenticationStatus answer(
      HttpServletRequest request,
      HttpServletResponse response,
      RefreshEngine service,
      RefreshOutcome outcome) {
    try {
      OutcomeWriter.write(request, response, outcome, service.filterSettings());
    } catch (IOException e) {
      LOG.log(Level.FINE, "refresh outcome not written: {0}", e.getClass().getName());
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private Parts parts() {
    Parts p = parts;
    if (p == null) {
      synchronized (this) {
        p = parts;
        if (p == null) {
          p = resolve();
          parts = p;
        }
      }
    }
    return p;
  }

  private Parts resolve() {
    var instance = beans.createInstance();
    // Soteria's mechanism beans carry no @Default: resolved among @Any, as its default handler does
    Bean<?> mechanism =
        beans.resolve(beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE));
    if (mechanism == null) {
      throw new IllegalStateException(
          "no HttpAuthenticationMechanism: the takeover needs the built-in OpenID Connect client"
              + " (@OpenIdAuthenticationMechanismDefinition)");
    }
    HttpAuthenticationMechanism builtIn =
        (HttpAuthenticationMechanism)
            beans.getReference(
                mechanism,
                HttpAuthenticationMechanism.class,
                beans.createCreationalContext(mechanism));
    RefreshEngine service = instance.select(RefreshEngine.class).get();
    OpenIdContext context = instance.select(OpenIdContext.class).get();
    return new Parts(builtIn, service, new SoteriaTokens(context, instance));
  }
}
