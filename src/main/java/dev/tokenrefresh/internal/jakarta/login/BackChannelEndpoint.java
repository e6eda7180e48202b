package dev.tokenrefresh.internal.jakarta.login;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.internal.oidc.login.BackChannelLogout;
import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import dev.tokenrefresh.internal.oidc.login.LogoutEvent;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Back-Channel Logout endpoint: reads a bounded {@code logout_token} form field, has {@link
 * BackChannelLogout} validate it, ends every session of its {@code sid} (or {@code sub}) and
 * answers 200; a bad token throws the {@link LoginFailure} (400). Thread-safe.
 *
 * @param backChannel validates the logout token
 * @param sessions the sessions it ends
 * @param maxTokenSize the longest token accepted, in characters; the form may be about three times
 *     that, percent-encoded
 */
record BackChannelEndpoint(
    BackChannelLogout backChannel, LoginSessions sessions, int maxTokenSize) {

  private static final Logger LOG = Logger.getLogger(BackChannelEndpoint.class.getName());

  AuthenticationStatus logout(HttpServletRequest req, HttpServletResponse res) throws IOException {
    // a percent-encoded token, its field name and room for more fields
    int maxFormBytes = 3 * maxTokenSize + 1024;
    String token = LoginRequests.formParameter(req, "logout_token", maxFormBytes).orElse(null);
    LogoutEvent event = backChannel.accept(token);
    Set<SessionKey> ended = sessions.endAll(event);
    LOG.log(Level.INFO, "back-channel logout: {0} session(s) ended", ended.size());
    LoginAnswers.empty(res, 200);
    return AuthenticationStatus.SEND_CONTINUE;
  }
}
