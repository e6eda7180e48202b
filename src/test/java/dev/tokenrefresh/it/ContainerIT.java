package dev.tokenrefresh.it;

import dev.tokenrefresh.it.support.TestDeployment;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the container tests (after OmniFaces' {@code OmniFacesIT}): Arquillian runs each subclass
 * against the server of the failsafe execution (Payara Micro or WildFly, chosen by the {@code
 * arquillian.xml} property), with a deployment built by {@link #deployment}. Every test is a
 * client: it talks HTTP to the server, as a browser or an API client would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ContainerIT {

  /** The test WAR with the test configuration. */
  protected static WebArchive deployment(String warName) {
    return deployment(warName, Map.of());
  }

  /** The test WAR with some configuration keys added or replaced. */
  protected static WebArchive deployment(String warName, Map<String, String> overrides) {
    return TestDeployment.create(warName, overrides);
  }
}
