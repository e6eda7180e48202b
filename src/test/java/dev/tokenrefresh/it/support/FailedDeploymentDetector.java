package dev.tokenrefresh.it.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Makes a failed Payara Micro deployment fail {@code deploy}, as it does on WildFly, with the
 * server's {@code SEVERE} and {@code Caused by:} lines as the message.
 *
 * <p>Why: arquillian-payara-micro-managed 3.1 returns normally when the application failed to start
 * (Payara Micro keeps running with nothing deployed). The adapter echoes Payara's output on {@code
 * System.out}, so this extension tees {@code System.out} from {@code BeforeDeploy} to {@code
 * AfterDeploy}, and when no servlet was deployed stops the server and throws. Active only when the
 * Payara adapter is on the class path.
 *
 * <p>The adapter also has a race of its own: it polls Payara's output every 200 ms and parses the
 * {@code "Deployed"} table as soon as the instance's host and ports have been printed, which on a
 * loaded machine can be before the table's last line; it then returns no servlets for an
 * application that deployed. So before judging, this extension waits (bounded) for Payara's {@code
 * ready in} line, which follows the table, and lets the adapter parse the now complete table once
 * more.
 */
public class FailedDeploymentDetector implements LoadableExtension {

  private static final String PAYARA_ADAPTER =
      "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer";

  @Override
  public void register(ExtensionBuilder builder) {
    try {
      Class.forName(PAYARA_ADAPTER, false, FailedDeploymentDetector.class.getClassLoader());
      builder.observer(Observer.class);
    } catch (ClassNotFoundException notPayara) {
      // WildFly's adapter reports failed deployments itself
    }
  }

  /** Tees the output of one deployment and judges it. Used by one Arquillian thread. */
  public static class Observer {

    /**
     * Printed by Payara Micro after the deployment table: "Payara Micro ... ready in 9,999 (ms)".
     */
    private static final Pattern READY =
        Pattern.compile("Payara Micro .* ready in [0-9,.]+ \\(ms\\)");

    private static final Duration READY_WAIT = Duration.ofSeconds(30);

    @Inject private Instance<ProtocolMetaData> protocolMetaData;

    private PrintStream original;
    private ByteArrayOutputStream captured;

    public void startCapture(@Observes BeforeDeploy event) {
      original = System.out;
      captured = new ByteArrayOutputStream();
      PrintStream out = original;
      ByteArrayOutputStream copy = captured;
      System.setOut(
          new PrintStream(
              new OutputStream() {
                @Override
                public void write(int b) {
                  out.write(b);
                  synchronized (copy) {
                    copy.write(b);
                  }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                  out.write(b, off, len);
                  synchronized (copy) {
                    copy.write(b, off, len);
                  }
                }
              },
              true,
              StandardCharsets.UTF_8));
    }

    public void check(@Observes AfterDeploy event) throws DeploymentException {
      ProtocolMetaData metaData = protocolMetaData.get();
      if (deployed(metaData)) {
        System.setOut(original);
        return;
      }
      String output = outputOnceReady();
      System.setOut(original);
      if (metaData != null && reparsed(event.getDeployableContainer(), metaData, output)) {
        return;
      }
      try {
        // stop the Payara Micro process now rather than when the test JVM exits
        event.getDeployableContainer().undeploy(event.getDeployment().getArchive());
      } catch (DeploymentException | RuntimeException ignored) {
        // best effort: the deployment failed anyway
      }
      String causes =
          output
              .lines()
              .filter(l -> l.startsWith("Caused by:") || l.contains("SEVERE"))
              .distinct()
              .collect(Collectors.joining("\n"));
      throw new DeploymentException(
          "Payara Micro did not deploy '" + event.getDeployment().getName() + "':\n" + causes);
    }

    private static boolean deployed(ProtocolMetaData metaData) {
      return metaData != null
          && metaData.getContexts(HTTPContext.class).stream()
              .anyMatch(c -> !c.getServlets().isEmpty());
    }

    /** Payara's output so far, once it printed its ready line (or after {@link #READY_WAIT}). */
    private String outputOnceReady() {
      long deadline = System.nanoTime() + READY_WAIT.toNanos();
      while (true) {
        String output;
        synchronized (captured) {
          output = captured.toString(StandardCharsets.UTF_8);
        }
        if (READY.matcher(output).find() || System.nanoTime() - deadline > 0) {
          return output;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return output;
        }
      }
    }

    /**
     * Lets the adapter parse the complete {@code "Deployed"} table into the deployment's HTTP
     * context (its own private parser, so the servlets are read exactly as it reads them); true
     * when that found servlets.
     */
    static boolean reparsed(Object container, ProtocolMetaData metaData, String output) {
      int table = output.lastIndexOf("Instance Configuration");
      Optional<HTTPContext> context = metaData.getContexts(HTTPContext.class).stream().findFirst();
      if (table < 0 || context.isEmpty()) {
        return false;
      }
      try {
        Method parse =
            container
                .getClass()
                .getDeclaredMethod("processDeploymentAsJson", String.class, HTTPContext.class);
        parse.setAccessible(true);
        parse.invoke(container, output.substring(table), context.get());
      } catch (ReflectiveOperationException | RuntimeException notThisAdapter) {
        return false;
      }
      boolean found = deployed(metaData);
      if (found) {
        System.out.println(
            "FailedDeploymentDetector: the adapter parsed Payara's deployment table before it was"
                + " complete; read again after Payara's ready line: "
                + context.get().getServlets().size()
                + " servlets");
      }
      return found;
    }
  }
}
