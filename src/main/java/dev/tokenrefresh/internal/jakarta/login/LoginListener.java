package dev.tokenrefresh.internal.jakarta.login;

import dev.tokenrefresh.core.config.ConfigKey;
import dev.tokenrefresh.core.token.SessionKey;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The login mechanism's hooks into the servlet container; does nothing while the login is off.
 * Marks the session cookie {@code Secure} with {@code token-refresh.login.secure-cookie=true} (for
 * servers behind a TLS-terminating proxy, where the container sees plain HTTP), and takes every
 * session that ends out of the back-channel logout index. Thread-safe.
 */
@WebListener
public class LoginListener implements ServletContextListener, HttpSessionListener {

  @Inject Instance<OidcLoginMechanism> mechanism;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (LoginExtension.enabled()
        && ConfigProvider.getConfig()
            .getOptionalValue(ConfigKey.LOGIN_SECURE_COOKIE.key(), Boolean.class)
            .orElse(ConfigKey.LOGIN_SECURE_COOKIE.defaultBool())) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
    }
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    if (mechanism != null && mechanism.isResolvable()) {
      mechanism.get().ended(SessionKey.of(event.getSession().getId()));
    }
  }
}
