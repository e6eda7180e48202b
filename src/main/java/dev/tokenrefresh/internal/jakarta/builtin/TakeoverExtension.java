package dev.tokenrefresh.internal.jakarta.builtin;

import dev.tokenrefresh.jakarta.config.ConfigReader;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Registers the {@code HttpAuthenticationMechanismHandler} of the built-in client takeover when
 * {@code token-refresh.builtin-oidc.takeover=true} and the server has Jakarta Security 4.0. This
 * class names no 4.0 type: on a Jakarta EE 10 server (Payara 6, WildFly 39) it only logs, once,
 * that the key is ignored, and the classes that do name 4.0 types are never loaded. Invalid values
 * of the takeover's keys fail the deployment with a message naming the key.
 */
public class TakeoverExtension implements Extension {

  /** The Jakarta Security 4.0 interface the takeover implements. */
  static final String HANDLER_API =
      "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler";

  private static final Logger LOG = Logger.getLogger(TakeoverExtension.class.getName());

  void afterBeanDiscovery(@Observes AfterBeanDiscovery abd, BeanManager beans) {
    Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
    TakeoverSettings settings;
    try {
      settings =
          TakeoverSettings.of(new ConfigReader(k -> config.getOptionalValue(k, String.class)));
    } catch (IllegalArgumentException e) {
      abd.addDefinitionError(
          new IllegalStateException(
              "Invalid token-refresh-filter configuration: " + e.getMessage(), e));
      return;
    }
    if (!settings.enabled()) {
      return;
    }
    if (!handlerApiPresent()) {
      LOG.warning(
          TakeoverSettings.TAKEOVER
              + "=true is ignored: it needs Jakarta Security 4.0 (Jakarta EE 11, e.g. Payara 7),"
              + " and this server has no "
              + HANDLER_API);
      return;
    }
    TakeoverBean.register(abd, beans, settings);
    LOG.info(
        "token-refresh-filter takes over the refresh of the built-in OpenID Connect client"
            + " (at most "
            + settings.maxBlocked()
            + " request threads wait for refreshes at once)");
  }

  private static boolean handlerApiPresent() {
    try {
      Class.forName(HANDLER_API, false, TakeoverExtension.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
