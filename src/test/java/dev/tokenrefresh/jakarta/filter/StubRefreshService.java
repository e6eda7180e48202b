package dev.tokenrefresh.jakarta.filter;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.jakarta.cdi.RefreshEngine;
import dev.tokenrefresh.internal.jakarta.filter.FilterSettings;
import dev.tokenrefresh.jakarta.store.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * The filter's service without CDI, Config or a provider, for filter unit tests: refreshes through
 * the function the test gives, with the test's filter settings and a clock fixed at {@code now};
 * {@code stored} does nothing. A test overrides any other call it needs to see.
 */
class StubRefreshService extends RefreshEngine {

  private final FilterSettings settings;
  private final Clock clock;
  private final BiFunction<SessionKey, TokenSet, CompletionStage<TokenSet>> refresh;

  StubRefreshService(
      FilterSettings settings,
      Instant now,
      BiFunction<SessionKey, TokenSet, CompletionStage<TokenSet>> refresh) {
    this.settings = settings;
    this.clock = Clock.fixed(now, ZoneOffset.UTC);
    this.refresh = refresh;
  }

  /** A started filter over this service and {@code store}. */
  TokenRefreshFilter filter(TokenStore store) {
    TokenRefreshFilter filter = new TokenRefreshFilter();
    filter.service = this;
    filter.store = store;
    filter.init();
    return filter;
  }

  @Override
  public CompletionStage<TokenSet> refresh(SessionKey session, TokenSet current) {
    return refresh.apply(session, current);
  }

  @Override
  public void stored(SessionKey session, TokenSet previous) {}

  @Override
  public FilterSettings filterSettings() {
    return settings;
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
