package dev.tokenrefresh.internal.jakarta.login;

import dev.tokenrefresh.internal.core.metrics.LoginOutcome;
import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import jakarta.security.enterprise.AuthenticationStatus;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Runs one endpoint's answer and reports how it ended as a {@link LoginOutcome}: an answer given is
 * {@code SUCCESS}, a {@link LoginFailure} is {@code REJECTED} (4xx) or {@code IDP_ERROR} (5xx), an
 * unknown provider is {@code IDP_NOT_READY}; the failure is rethrown for the mechanism to answer.
 * An answer that could not be written (the client left) is not counted. Stateless.
 */
final class CountedOutcome {

  /** One endpoint's answer. */
  @FunctionalInterface
  interface Answer {
    AuthenticationStatus answer() throws IOException;
  }

  private CountedOutcome() {}

  static AuthenticationStatus counted(Consumer<LoginOutcome> count, Answer answer)
      throws IOException {
    AuthenticationStatus status;
    try {
      status = answer.answer();
    } catch (LoginFailure failure) {
      count.accept(failure.status() >= 500 ? LoginOutcome.IDP_ERROR : LoginOutcome.REJECTED);
      throw failure;
    } catch (OidcLoginMechanism.NotReadyException notReady) {
      count.accept(LoginOutcome.IDP_NOT_READY);
      throw notReady;
    }
    count.accept(LoginOutcome.SUCCESS);
    return status;
  }
}
