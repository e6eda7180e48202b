package dev.tokenrefresh.internal.jakarta.builtin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;

/**
 * Adds {@link BuiltInOidcTakeover} as an enabled alternative {@link
 * HttpAuthenticationMechanismHandler}: Soteria adds its default handler as a plain bean, so this
 * one wins the resolution; an application's own handler with a higher priority still wins over it.
 * Loaded only where the 4.0 API exists (see {@link TakeoverExtension}).
 */
final class TakeoverBean {

  /**
   * Below {@code jakarta.interceptor.Interceptor.Priority.APPLICATION} (2000): a library's
   * alternative, which an application's own handler outranks.
   */
  static final int PRIORITY = 1000;

  private TakeoverBean() {}

  static void register(AfterBeanDiscovery abd, BeanManager beans, TakeoverSettings settings) {
    abd.addBean()
        .beanClass(BuiltInOidcTakeover.class)
        .types(HttpAuthenticationMechanismHandler.class, Object.class)
        .scope(ApplicationScoped.class)
        .alternative(true)
        .priority(PRIORITY)
        .createWith(context -> new BuiltInOidcTakeover(beans, settings));
  }
}
