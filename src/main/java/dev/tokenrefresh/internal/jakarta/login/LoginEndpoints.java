package dev.tokenrefresh.internal.jakarta.login;

import dev.tokenrefresh.internal.core.metrics.RefreshMetrics;
import dev.tokenrefresh.internal.oidc.login.LoginFailure;
import dev.tokenrefresh.internal.oidc.login.LoginSettings;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The login mechanism's own endpoints, routed by path: the callback ({@link CodeFlow}),
 * RP-initiated logout ({@link RpLogout}, POST only) and Back-Channel Logout ({@link
 * BackChannelEndpoint}, POST only, never cached). Thread-safe (the handlers are).
 */
final class LoginEndpoints {

  private final LoginSettings settings;
  private final CodeFlow codeFlow;
  private final RpLogout rpLogout;
  private final BackChannelEndpoint backChannel;
  private final RefreshMetrics metrics;

  LoginEndpoints(
      LoginSettings settings,
      CodeFlow codeFlow,
      RpLogout rpLogout,
      BackChannelEndpoint backChannel,
      RefreshMetrics metrics) {
    this.settings = settings;
    this.codeFlow = codeFlow;
    this.rpLogout = rpLogout;
    this.backChannel = backChannel;
    this.metrics = metrics;
  }

  /** Answers the request when it is for one of the endpoints; empty otherwise. */
  Optional<AuthenticationStatus> answer(HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    String path = LoginRequests.path(req);
    if (path.equals(settings.callbackPath())) {
      return Optional.of(
          CountedOutcome.counted(metrics::loginCompleted, () -> codeFlow.callback(req, res)));
    }
    if (path.equals(settings.logoutPath())) {
      requirePost(req, res);
      return Optional.of(rpLogout.logout(req, res));
    }
    if (path.equals(settings.backChannelPath())) {
      res.setHeader("Cache-Control", "no-store");
      return Optional.of(
          CountedOutcome.counted(
              metrics::backChannelLogout,
              () -> {
                requirePost(req, res);
                return backChannel.logout(req, res);
              }));
    }
    return Optional.empty();
  }

  private static void requirePost(HttpServletRequest req, HttpServletResponse res) {
    if (!"POST".equals(req.getMethod())) {
      res.setHeader("Allow", "POST");
      throw new LoginFailure(405, "method_not_allowed", "only POST is accepted here");
    }
  }
}
