package com.example.myapp;

import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.jakarta.store.HttpSessionTokenStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The module's session store plus a count of the refreshes it stored: it extends the store and
 * overrides only {@code replace}. Selected for the whole application, the module's filter included,
 * as an alternative with a priority. Thread-safe, and holds no lock across I/O: many requests of
 * one session call it at once.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class CountingTokenStore extends HttpSessionTokenStore {

  private final LongAdder refreshesStored = new LongAdder();

  @Override
  public Optional<TokenSet> replace(
      HttpServletRequest request, TokenSet previous, TokenSet refreshed) {
    Optional<TokenSet> held = super.replace(request, previous, refreshed);
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
}
