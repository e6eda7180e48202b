package dev.tokenrefresh.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshRejectedException;
import dev.tokenrefresh.core.error.RejectionReason;
import dev.tokenrefresh.core.support.Tokens;
import dev.tokenrefresh.core.token.Fingerprint;
import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing that holds a token or secret prints it. */
class SecretRedactionTest {

  @Test
  void tokenSet_toString_showsNoToken() {
    TokenSet tokens = Tokens.rotated();
    assertThat(tokens.toString())
        .doesNotContain(Tokens.SECRET_MARK)
        .doesNotContain(tokens.accessToken())
        .doesNotContain(tokens.refreshToken())
        .contains("[redacted]");
  }

  @Test
  void sessionKeyAndFingerprint_showOnlyAShortHash() {
    String sessionId = Tokens.SECRET_MARK + "-session-id";
    assertThat(SessionKey.of(sessionId).toString())
        .doesNotContain(sessionId)
        .matches("session:[0-9a-f]{12}");
    assertThat(Fingerprint.of(sessionId).toString()).matches("sha256:[0-9a-f]{12}");
  }

  @Test
  void exceptions_carryNoSecret() {
    List<RuntimeException> all =
        List.of(
            new GrantRevokedException("invalid_grant"),
            IdpFaultException.of(FaultKind.SERVER_ERROR, "HTTP 503"),
            new RefreshRejectedException(RejectionReason.COOLDOWN, Duration.ofSeconds(3)));
    for (RuntimeException e : all) {
      assertThat(e.getMessage()).doesNotContain(Tokens.SECRET_MARK);
      assertThat(e.toString()).doesNotContain(Tokens.SECRET_MARK);
    }
  }

  @Test
  void settingsAndGauges_printNoSecretBecauseTheyHoldNone() {
    assertThat(RefreshSettings.defaults().toString()).doesNotContain(Tokens.SECRET_MARK);
  }
}
