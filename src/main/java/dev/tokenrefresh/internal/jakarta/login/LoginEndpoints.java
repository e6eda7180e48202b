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
 *
 * @param settings the endpoints' paths
 * @param codeFlow answers the callback
 * @param rpLogout answers RP-initiated logout
 * @param backChannel answers back-channel logout
 * @param metrics counts the callbacks' and back-channel logouts' outcomes
 */
record LoginEndpoints(
    LoginSettings settings,
    CodeFlow codeFlow,
    RpLogout rpLogout,
    BackChannelEndpoint backChannel,
    RefreshMetrics metrics) {

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
