package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.ErrorObject;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenErrorClassifierTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "invalid_grant",
        "invalid_scope",
        "interaction_required",
        "login_required",
        "consent_required",
        "account_selection_required"
      })
  void classify_anErrorAboutThisUsersGrant_isADeadGrantNotAProviderFault(String code) {
    assertThat(TokenErrorClassifier.classify(new ErrorObject(code), 400))
        .isInstanceOfSatisfying(
            GrantRevokedException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
  }

  @ParameterizedTest
  @ValueSource(strings = {"invalid_client", "unauthorized_client", "server_error"})
  void classify_anErrorAboutTheClientOrTheServer_staysAProviderFault(String code) {
    assertThat(TokenErrorClassifier.classify(new ErrorObject(code), 400))
        .isInstanceOf(IdpFaultException.class);
  }
}
