package dev.tokenrefresh.internal.jakarta.login;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps the login mechanism out of the application unless {@code token-refresh.login.enabled=true}:
 * an {@code HttpAuthenticationMechanism} bean that merely exists takes over the authentication of
 * every application that adds the jar, so when the key is off the bean is vetoed and never exists.
 * Registered in {@code META-INF/services}. Thread-safe (runs once, at deployment).
 */
public class LoginExtension implements Extension {

  private static final Logger LOG = Logger.getLogger(LoginExtension.class.getName());

  void vetoUnlessEnabled(@Observes ProcessAnnotatedType<OidcLoginMechanism> type) {
    if (enabled()) {
      LOG.info("token-refresh-filter: the OpenID Connect login mechanism is on");
    } else {
      type.veto();
    }
  }

  /** Whether the key is {@code true}; an unreadable configuration leaves the login off. */
  static boolean enabled() {
    return ConfigProvider.getConfig()
        .getOptionalValue(LoginSettingsMapping.ENABLED, String.class)
        .map(value -> "true".equalsIgnoreCase(value.trim()))
        .orElse(false);
  }
}
