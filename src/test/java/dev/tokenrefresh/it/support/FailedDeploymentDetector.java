package dev.tokenrefresh.it.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
      String output;
      synchronized (captured) {
        output = captured.toString(StandardCharsets.UTF_8);
      }
      System.setOut(original);
      ProtocolMetaData metaData = protocolMetaData.get();
      boolean deployed =
          metaData != null
              && metaData.getContexts(HTTPContext.class).stream()
                  .anyMatch(c -> !c.getServlets().isEmpty());
      if (deployed) {
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
  }
}
