package com.example.myapp;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.store.HttpSessionTokenStore;
import dev.tokenrefresh.jakarta.store.TokenStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The module's session store plus a count of the refreshes it stored. Selected for the whole
 * application, the module's filter included, as an alternative with a priority. Thread-safe, and
 * holds no lock across I/O: many requests of one session call it at once.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class CountingTokenStore implements TokenStore {

  private final LongAdder refreshesStored = new LongAdder();

  @Inject HttpSessionTokenStore sessions;

  @Override
  public Optional<TokenSet> replace(
      HttpServletRequest request, TokenSet previous, TokenSet refreshed) {
    Optional<TokenSet> held = sessions.replace(request, previous, refreshed);
    if (held.isPresent() && held.get() == refreshed) {
      // each request that waited for this refresh calls replace; only one stores it
      refreshesStored.increment();
    }
    return held;
  }

  /** Refreshes stored since start. */
  public long refreshesStored() {
    return refreshesStored.sum();
  }

  @Override
  public Optional<TokenSet> load(HttpServletRequest request) {
    return sessions.load(request);
  }

  @Override
  public void save(HttpServletRequest request, TokenSet tokens) {
    sessions.save(request, tokens);
  }

  @Override
  public void clear(HttpServletRequest request) {
    sessions.clear(request);
  }

  @Override
  public void clear(HttpServletRequest request, TokenSet dead) {
    sessions.clear(request, dead); // only while the session still holds the dead tokens
  }

  @Override
  public Optional<SessionKey> sessionKey(HttpServletRequest request) {
    return sessions.sessionKey(request);
  }
}
