package dev.tokenrefresh.internal.jakarta.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.internal.core.metrics.LoginOutcome;
import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import jakarta.security.enterprise.AuthenticationStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each way an endpoint's answer ends is counted once, with its bounded outcome. */
class CountedOutcomeTest {

  private final List<LoginOutcome> counted = new ArrayList<>();

  @Test
  void anAnswerGiven_isCountedAsSuccess_andReturned() throws IOException {
    AuthenticationStatus status =
        CountedOutcome.counted(counted::add, () -> AuthenticationStatus.SEND_CONTINUE);

    assertThat(status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
    assertThat(counted).containsExactly(LoginOutcome.SUCCESS);
  }

  @Test
  void aClientError_isCountedAsRejected_andRethrown() {
    LoginFailure failure = new LoginFailure(400, "invalid_state", "state unknown");

    assertThatThrownBy(answerThrowing(failure)).isSameAs(failure);
    assertThat(counted).containsExactly(LoginOutcome.REJECTED);
  }

  @Test
  void aProviderError_isCountedAsIdpError_andRethrown() {
    LoginFailure failure = new LoginFailure(502, "idp_error", "code exchange failed");

    assertThatThrownBy(answerThrowing(failure)).isSameAs(failure);
    assertThat(counted).containsExactly(LoginOutcome.IDP_ERROR);
  }

  @Test
  void anUnknownProvider_isCountedAsIdpNotReady_andRethrown() {
    assertThatThrownBy(answerThrowing(new OidcLoginMechanism.NotReadyException()))
        .isInstanceOf(OidcLoginMechanism.NotReadyException.class);
    assertThat(counted).containsExactly(LoginOutcome.IDP_NOT_READY);
  }

  @Test
  void anAnswerNotWritten_isNotCounted() {
    assertThatThrownBy(answerThrowing(new IOException("client gone")))
        .isInstanceOf(IOException.class);
    assertThat(counted).isEmpty();
  }

  @Test
  void outcomeTags_areTheDocumentedBoundedSet() {
    assertThat(List.of(LoginOutcome.values()))
        .extracting(LoginOutcome::tag)
        .containsExactly("success", "rejected", "idp_error", "idp_not_ready");
  }

  /** Counting an answer that ends by throwing {@code thrown} (unchecked or an I/O failure). */
  private ThrowingCallable answerThrowing(Exception thrown) {
    return () ->
        CountedOutcome.counted(
            counted::add,
            () -> {
              if (thrown instanceof IOException io) {
                throw io;
              }
              throw (RuntimeException) thrown;
            });
  }
}
