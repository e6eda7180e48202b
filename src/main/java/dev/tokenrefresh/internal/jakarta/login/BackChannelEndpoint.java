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
 */
final class BackChannelEndpoint {

  private static final Logger LOG = Logger.getLogger(BackChannelEndpoint.class.getName());

  private final BackChannelLogout backChannel;
  private final LoginSessions sessions;
  private final int maxFormBytes;

  BackChannelEndpoint(BackChannelLogout backChannel, LoginSessions sessions, int maxTokenSize) {
    this.backChannel = backChannel;
    this.sessions = sessions;
    // a percent-encoded token, its field name and room for more fields
    this.maxFormBytes = 3 * maxTokenSize + 1024;
  }

  AuthenticationStatus logout(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String token = LoginRequests.formParameter(req, "logout_token", maxFormBytes).orElse(null);
    LogoutEvent event = backChannel.accept(token);
    Set<SessionKey> ended = sessions.endAll(event);
    LOG.log(Level.INFO, "back-channel logout: {0} session(s) ended", ended.size());
    LoginAnswers.empty(res, 200);
    return AuthenticationStatus.SEND_CONTINUE;
  }
}
