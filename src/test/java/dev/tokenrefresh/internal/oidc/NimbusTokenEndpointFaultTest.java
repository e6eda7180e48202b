package dev.tokenrefresh.internal.oidc;

import static dev.tokenrefresh.internal.oidc.StubFixture.current;
import static dev.tokenrefresh.internal.oidc.StubFixture.endpoint;
import static dev.tokenrefresh.internal.oidc.StubFixture.settings;
import static dev.tokenrefresh.internal.oidc.StubFixture.tokenJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NimbusTokenEndpointFaultTest extends WithStubProvider {

  private static final String JSON = "application/json";

  /**
   * Answers the provider may give that are its fault, not the grant's: each is a fault of one kind,
   * and possibly sent (the provider may have acted on the request).
   */
  static Stream<Arguments> faultyAnswers() {
    return Stream.of(
        Arguments.of(
            "503 page: server error",
            503,
            "text/html",
            "<html>down for maintenance</html>",
            FaultKind.SERVER_ERROR),
        Arguments.of(
            "500 with an OAuth error: server error",
            500,
            JSON,
            "{\"error\":\"server_error\"}",
            FaultKind.SERVER_ERROR),
        Arguments.of(
            "503 saying temporarily_unavailable: temporarily unavailable",
            503,
            JSON,
            "{\"error\":\"temporarily_unavailable\"}",
            FaultKind.TEMPORARILY_UNAVAILABLE),
        Arguments.of(
            "client unauthorized for the grant: client rejected",
            400,
            JSON,
            "{\"error\":\"unauthorized_client\"}",
            FaultKind.CLIENT_REJECTED),
        Arguments.of(
            "400 saying temporarily_unavailable: temporarily unavailable",
            400,
            JSON,
            "{\"error\":\"temporarily_unavailable\"}",
            FaultKind.TEMPORARILY_UNAVAILABLE),
        Arguments.of(
            "success body that is garbage: malformed",
            200,
            JSON,
            "{not json at all",
            FaultKind.MALFORMED_RESPONSE),
        Arguments.of(
            "error body that is not OAuth: malformed",
            404,
            "text/html",
            "<html>no such page</html>",
            FaultKind.MALFORMED_RESPONSE),
        Arguments.of(
            "access token missing: malformed",
            200,
            JSON,
            "{\"token_type\":\"Bearer\",\"refresh_token\":\"r2\",\"expires_in\":60}",
            FaultKind.MALFORMED_RESPONSE),
        Arguments.of(
            "refresh token not ASCII: malformed",
            200,
            JSON,
            "{\"access_token\":\"a1\",\"token_type\":\"Bearer\",\"refresh_token\":\"r\u00e9\",\"expires_in\":60}",
            FaultKind.MALFORMED_RESPONSE));
  }

  @ParameterizedTest(name = "refresh, provider answers {0}")
  @MethodSource("faultyAnswers")
  void refresh_whenTheProviderAnswersWithAFault_isThatFaultPossiblySent(
      String answer, int status, String contentType, String body, FaultKind kind) {
    stub.answer(status, contentType, body);
    assertFault(() -> endpoint(stub).refresh(current()), kind, false);
  }

  @Test
  void refresh_whenGrantIsInvalid_isGrantRevoked() {
    stub.answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token is not active\"}");
    assertThatThrownBy(() -> endpoint(stub).refresh(current()))
        .isExactlyInstanceOf(GrantRevokedException.class)
        .satisfies(
            e -> assertThat(((GrantRevokedException) e).errorCode()).isEqualTo("invalid_grant"))
        .hasMessageNotContaining("not active");
  }

  @Test
  void refresh_whenClientIsRejected_isClientRejectedCarryingOnlyTheErrorCode() {
    stub.answer(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret xyz\"}");
    assertFault(() -> endpoint(stub).refresh(current()), FaultKind.CLIENT_REJECTED, false)
        .hasMessageContaining("invalid_client")
        .hasMessageContaining("401")
        .hasMessageNotContaining("bad secret");
  }

  @Test
  void refresh_whenAccessTokenExceedsMaxTokenSize_isMalformed() {
    var endpoint = endpointOf1024AnsweringATokenOf(1025);
    assertFault(() -> endpoint.refresh(current()), FaultKind.MALFORMED_RESPONSE, false)
        .hasMessageContaining("max-token-size");
  }

  @Test
  void refresh_whenAccessTokenHoldsALineBreak_isMalformedWithoutEchoingIt() {
    stub.answer(200, tokenJson("at-secret\\r\\nX-Injected: 1", "\"expires_in\":60"));
    assertFault(() -> endpoint(stub).refresh(current()), FaultKind.MALFORMED_RESPONSE, false)
        .hasMessageContaining("VSCHAR")
        .hasMessageNotContaining("at-secret");
  }

  @Test
  void refresh_whenAccessTokenIsExactlyMaxTokenSize_succeeds() {
    var endpoint = endpointOf1024AnsweringATokenOf(1024);
    assertThat(endpoint.refresh(current()).accessToken()).hasSize(1024);
  }

  /**
   * An endpoint with max-token-size 1024, its provider answering an access token of {@code length}.
   */
  private NimbusTokenEndpoint endpointOf1024AnsweringATokenOf(int length) {
    stub.answer(200, tokenJson("a".repeat(length), "\"expires_in\":60"));
    return new NimbusTokenEndpoint(settings(stub).maxTokenSize(1024).build(), StubFixture.CLOCK);
  }

  @Test
  void refresh_whenBodyExceedsTheLimit_isMalformedWithoutReadingItAll() {
    stub.answer(200, tokenJson("a".repeat(2 * 1024 * 1024), ""));
    assertFault(() -> endpoint(stub).refresh(current()), FaultKind.MALFORMED_RESPONSE, false)
        .hasMessageContaining("exceeds");
  }

  @Test
  void refresh_whenAnswerOutlivesReadTimeout_isIoFaultPossiblySent() {
    stub.hold();
    var endpoint =
        new NimbusTokenEndpoint(
            settings(stub).readTimeout(Duration.ofMillis(200)).build(), StubFixture.CLOCK);
    assertFault(() -> endpoint.refresh(current()), FaultKind.IO, false);
  }

  @Test
  void refresh_whenConnectionIsRefused_isIoFaultNotSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    var endpoint =
        new NimbusTokenEndpoint(
            settings(stub)
                .tokenEndpoint(URI.create("http://127.0.0.1:" + closedPort + "/token"))
                .build(),
            StubFixture.CLOCK);
    assertFault(() -> endpoint.refresh(current()), FaultKind.IO, true);
  }

  @Test
  void refresh_whenThreadIsInterrupted_endsPromptlyWithIoFault() throws Exception {
    stub.hold();
    var endpoint =
        new NimbusTokenEndpoint(
            settings(stub).readTimeout(Duration.ofSeconds(20)).build(), StubFixture.CLOCK);
    CompletableFuture<RuntimeException> outcome = new CompletableFuture<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                endpoint.refresh(current());
                outcome.complete(null);
              } catch (RuntimeException e) {
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                outcome.complete(e);
              }
            });
    caller.start();
    assertThat(stub.awaitRequest()).isTrue();
    caller.interrupt();

    RuntimeException failure = outcome.get(2, TimeUnit.SECONDS);
    assertFault(
        () -> {
          throw failure;
        },
        FaultKind.IO,
        false);
    assertThat(stillInterrupted).as("the interrupt status is kept").isTrue();
  }

  @Test
  void refresh_onAnAlreadyInterruptedThread_failsWithoutSending() {
    stub.answer(200, tokenJson("a2", "\"expires_in\":60"));
    Thread.currentThread().interrupt();
    try {
      assertFault(() -> endpoint(stub).refresh(current()), FaultKind.IO, false);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(stub.receivedRequest()).isFalse();
    } finally {
      Thread.interrupted();
    }
  }

  static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertFault(
      ThrowingCallable call, FaultKind kind, boolean requestNotSent) {
    return assertThatThrownBy(call)
        .isExactlyInstanceOf(IdpFaultException.class)
        .satisfies(
            e -> {
              IdpFaultException fault = (IdpFaultException) e;
              assertThat(fault.kind()).isEqualTo(kind);
              assertThat(fault.requestNotSent()).isEqualTo(requestNotSent);
            });
  }
}
