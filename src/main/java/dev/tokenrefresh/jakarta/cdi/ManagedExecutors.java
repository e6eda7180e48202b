package dev.tokenrefresh.jakarta.cdi;

import dev.tokenrefresh.jakarta.config.ConfigSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container-managed executors the module runs on, looked up by JNDI name: {@code
 * token-refresh.executor} (default {@code java:comp/DefaultManagedExecutorService}) for provider
 * calls, {@code token-refresh.scheduled-executor} (default {@code
 * java:comp/DefaultManagedScheduledExecutorService}) for timeouts and cleanup.
 *
 * @param calls runs provider calls
 * @param timers runs timeouts and cleanup
 */
record ManagedExecutors(ExecutorService calls, ScheduledExecutorService timers) {

  static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";
  static final String DEFAULT_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  static ManagedExecutors lookup(ConfigSource source) {
    return new ManagedExecutors(
        lookup(
            "token-refresh.executor",
            source.text("token-refresh.executor").orElse(DEFAULT_EXECUTOR),
            ExecutorService.class),
        lookup(
            "token-refresh.scheduled-executor",
            source.text("token-refresh.scheduled-executor").orElse(DEFAULT_SCHEDULER),
            ScheduledExecutorService.class));
  }

  private static <T> T lookup(String key, String name, Class<T> type) {
    try {
      Object found = new InitialContext().lookup(name);
      if (!type.isInstance(found)) {
        throw new IllegalArgumentException(
            key + " names '" + name + "', which is not a " + type.getSimpleName());
      }
      return type.cast(found);
    } catch (NamingException e) {
      throw new IllegalArgumentException(
          key + " names '" + name + "', which JNDI does not know: create the resource", e);
    }
  }
}
