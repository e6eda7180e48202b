package dev.tokenrefresh.internal.oidc;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Tests against a fresh {@link StubProvider} each: started before every test, closed after it. */
abstract class WithStubProvider {

  StubProvider stub;

  @BeforeEach
  void startStub() throws IOException {
    stub = StubProvider.start();
  }

  @AfterEach
  void stopStub() {
    stub.close();
  }
}
