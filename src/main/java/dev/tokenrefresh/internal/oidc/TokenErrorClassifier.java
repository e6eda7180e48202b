package dev.tokenrefresh.internal.oidc;

import com.nimbusds.oauth2.sdk.ErrorObject;
import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a token endpoint's error answer into the core's sealed error family: {@code invalid_grant}
 * and the errors that concern one user's grant ({@code invalid_scope}, {@code
 * interaction_required}, {@code login_required}, {@code consent_required}, {@code
 * account_selection_required}) are terminal for that session (send the user to log in; never
 * counted against the provider), {@code temporarily_unavailable} and 5xx are provider faults,
 * {@code invalid_client} and {@code unauthorized_client} a rejected client (a misconfiguration),
 * anything else is unexpected. Messages carry only the HTTP status and a well-formed error code.
 * Stateless.
 */
final class TokenErrorClassifier {

  /** Errors about this user's grant, not about the provider or the client: a dead grant. */
  private static final Set<String> USER_GRANT_ERRORS =
      Set.of(
          "invalid_grant",
          "invalid_scope",
          "interaction_required",
          "login_required",
          "consent_required",
          "account_selection_required");

  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private TokenErrorClassifier() {}

  /**
   * @param error the parsed error, whose code may be {@code null} when the body was not an OAuth
   *     error
   * @param status the HTTP status
   */
  static RefreshException classify(ErrorObject error, int status) {
    String code = error == null ? null : error.getCode();
    if (code != null && USER_GRANT_ERRORS.contains(code)) {
      return new GrantRevokedException(code);
    }
    if ("temporarily_unavailable".equals(code)) {
      return IdpFaultException.of(
          FaultKind.TEMPORARILY_UNAVAILABLE, "HTTP " + status + " temporarily_unavailable");
    }
    if ("invalid_client".equals(code) || "unauthorized_client".equals(code)) {
      return IdpFaultException.of(FaultKind.CLIENT_REJECTED, "HTTP " + status + " " + code);
    }
    if (status >= 500) {
      return IdpFaultException.of(FaultKind.SERVER_ERROR, "HTTP " + status);
    }
    if (code == null) {
      return IdpFaultException.of(
          FaultKind.MALFORMED_RESPONSE, "HTTP " + status + " without an OAuth error code");
    }
    return IdpFaultException.of(FaultKind.UNEXPECTED, "HTTP " + status + " " + printable(code));
  }

  private static String printable(String code) {
    return ERROR_CODE.matcher(code).matches() ? code : "(non-standard error code)";
  }
}
