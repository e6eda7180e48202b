package dev.tokenrefresh.internal.oidc.login;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Checks the provider's answer to a login (the callback) against the session's {@link
 * PendingLogin}: one must exist (a reused or unsolicited callback finds none), be recent, and carry
 * the same {@code state}; an {@code iss} parameter (RFC 9207) must name the provider. Failures are
 * {@link LoginFailure}s with 400 (or 401 when the provider refused the login); no raw parameter of
 * the callback reaches a message (log injection). Stateless.
 */
public final class CallbackCheck {

  /** An OAuth error code as RFC 6749 allows it, short: anything else is not repeated. */
  private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");

  private CallbackCheck() {}

  /**
   * @param pending the session's pending login, already taken out of it; {@code null} when none
   * @param callback the callback's full URL with its query
   * @param issuer the provider's issuer
   * @param now the current time
   * @param timeout how long a login may take
   * @return the authorization code to redeem
   * @throws LoginFailure 400 {@code no_login_in_progress}, {@code login_expired}, {@code
   *     invalid_callback}, {@code invalid_state}, {@code issuer_mismatch}; 401 {@code
   *     login_refused}
   */
  public static AuthorizationCode codeOf(
      PendingLogin pending, URI callback, URI issuer, Instant now, Duration timeout) {
    if (pending == null) {
      throw new LoginFailure(
          400, "no_login_in_progress", "callback without a pending login (reused or unsolicited)");
    }
    if (pending.startedAt().plus(timeout).isBefore(now)) {
      throw new LoginFailure(400, "login_expired", "the login took longer than " + timeout);
    }
    AuthenticationResponse response;
    try {
      response = AuthenticationResponseParser.parse(callback);
    } catch (ParseException | RuntimeException e) {
      throw new LoginFailure(400, "invalid_callback", "unparsable callback");
    }
    if (response.getState() == null || !pending.stateValue().equals(response.getState())) {
      throw new LoginFailure(400, "invalid_state", "the callback's state is not this login's");
    }
    if (response.getIssuer() != null && !response.getIssuer().equals(new Issuer(issuer))) {
      throw new LoginFailure(400, "issuer_mismatch", "the callback names another issuer");
    }
    if (!response.indicatesSuccess()) {
      String code = response.toErrorResponse().getErrorObject().getCode();
      String shown = code != null && ERROR_CODE.matcher(code).matches() ? code : "(unrecognized)";
      throw new LoginFailure(401, "login_refused", "the provider refused the login: " + shown);
    }
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
    if (code == null) {
      throw new LoginFailure(400, "invalid_callback", "the callback carries no code");
    }
    return code;
  }
}
