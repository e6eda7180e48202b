package dev.tokenrefresh.internal.jakarta.cdi;

import static dev.tokenrefresh.core.config.ConfigKey.EXECUTOR;
import static dev.tokenrefresh.core.config.ConfigKey.SCHEDULED_EXECUTOR;

import dev.tokenrefresh.jakarta.config.ConfigReader;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container-managed executors the module runs on, looked up by JNDI name: {@code
 * token-refresh.executor} (default {@code java:comp/DefaultManagedExecutorService}) for provider
 * calls, {@code token-refresh.scheduled-executor} (default {@code
 * java:comp/DefaultManagedScheduledExecutorService}) for timeouts and cleanup. The defaults exist
 * on every Jakarta EE 10 server, so one WAR deploys unchanged on Payara and WildFly; dedicated
 * executors ({@code payara-config/}, {@code wildfly-config/}) keep a slow provider from occupying
 * the threads the rest of the application shares.
 *
 * @param calls runs provider calls
 * @param timers runs timeouts and cleanup
 */
record ManagedExecutors(ExecutorService calls, ScheduledExecutorService timers) {

  private static final Logger LOG = Logger.getLogger(ManagedExecutors.class.getName());

  static final String DEFAULT_EXECUTOR = EXECUTOR.defaultValue().orElseThrow();
  static final String DEFAULT_SCHEDULER = SCHEDULED_EXECUTOR.defaultValue().orElseThrow();

  /** What to run to create the dedicated executors, named in log lines and errors. */
  static final String HOW_TO_CREATE =
      "on Payara run payara-config/post-boot-commands.asadmin (Payara Micro:"
          + " --postbootcommandfile; Payara Server: asadmin multimode --file), on WildFly run"
          + " wildfly-config/executors.cli (jboss-cli.sh --file)";

  static ManagedExecutors lookup(ConfigReader source) {
    Optional<String> calls = source.text(EXECUTOR.key());
    Optional<String> timers = source.text(SCHEDULED_EXECUTOR.key());
    if (calls.isEmpty() || timers.isEmpty()) {
      LOG.info(
          () ->
              "token-refresh-filter runs on the server's default managed executors ("
                  + (calls.isEmpty() ? DEFAULT_EXECUTOR + " " : "")
                  + (timers.isEmpty() ? DEFAULT_SCHEDULER : "")
                  + ") because "
                  + EXECUTOR
                  + " / "
                  + SCHEDULED_EXECUTOR
                  + " are not set. That works, but a slow identity provider then occupies threads the"
                  + " application shares; for dedicated executors "
                  + HOW_TO_CREATE
                  + " and set both keys.");
    }
    return new ManagedExecutors(
        lookup(EXECUTOR.key(), calls.orElse(DEFAULT_EXECUTOR), ExecutorService.class),
        lookup(
            SCHEDULED_EXECUTOR.key(),
            timers.orElse(DEFAULT_SCHEDULER),
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
          key
              + " names '"
              + name
              + "', which JNDI does not know: create the resource ("
              + HOW_TO_CREATE
              + "), or remove the key to use the server's default",
          e);
    }
  }
}
