package dev.tokenrefresh.it.sidebyside;

import dev.tokenrefresh.it.ContainerIT;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.TestApp;
import java.net.URL;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the side-by-side's test classes, each of which measures one column of the table ({@link
 * SideBySideReport}) in a deployment of its own: the deployed application, the shared provider
 * stub, quiet before each test. Each subclass keeps its own JUnit conditions, its column and its
 * assertions.
 */
abstract class SideBySideColumnIT extends ContainerIT {

  @ArquillianResource URL base;

  TestApp app() {
    return new TestApp(base);
  }

  static MockIdp idp() {
    return MockIdp.shared();
  }

  @BeforeEach
  void quietIdp() {
    idp().reset();
  }
}
