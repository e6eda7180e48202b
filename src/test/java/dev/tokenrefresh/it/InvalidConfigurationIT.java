package dev.tokenrefresh.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Invalid configuration fails the deployment, and the failure names the key, so that an operator
 * finds the mistake at deploy time rather than at the first expired token.
 */
class InvalidConfigurationIT extends ContainerIT {

  private static final String INVALID = "invalid-max-attempts";

  @Deployment(name = INVALID, managed = false, testable = false)
  static WebArchive invalid() {
    return deployment("token-refresh-invalid.war", Map.of("token-refresh.max-attempts", "0"));
  }

  @ArquillianResource Deployer deployer;

  @Test
  void maxAttemptsZero_failsTheDeployment_namingTheKey() {
    Throwable failure = catchThrowable(() -> deployer.deploy(INVALID));
    try {
      assertThat(failure).as("deploying max-attempts=0").isNotNull();
      assertThat(causeChain(failure)).contains("token-refresh.max-attempts must be >= 1, was 0");
    } finally {
      try {
        deployer.undeploy(INVALID);
      } catch (RuntimeException alreadyGone) {
        // the server rolled the failed deployment back
      }
    }
  }

  private static String causeChain(Throwable failure) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      chain.append(t).append('\n');
    }
    return chain.toString();
  }
}
