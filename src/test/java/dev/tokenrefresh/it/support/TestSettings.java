package dev.tokenrefresh.it.support;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration of the test deployment: what its {@code microprofile-config.properties} says,
 * and what the tests expect because of it. One source for both.
 *
 * <p>Chosen so that the tests of one deployment do not interfere: every test uses a session of its
 * own (attempt limits are per session), a test leaves the breaker with at most a few faults and the
 * next one starts only once a refresh has succeeded (which closes it), and the breaker's open
 * duration is short enough to wait for.
 */
public final class TestSettings {

  /** Bound of one refresh ({@code token-refresh.timeout}). */
  public static final Duration TIMEOUT = Duration.ofSeconds(6);

  /** Connect plus read timeout stay below {@link #TIMEOUT}, as the library requires. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  public static final Duration READ_TIMEOUT = Duration.ofSeconds(4);

  /** The longest a test keeps the provider's answer back: well inside the read timeout. */
  public static final Duration HOLD_MAX = Duration.ofMillis(2500);

  public static final int BREAKER_FAILURE_THRESHOLD = 3;
  public static final Duration BREAKER_OPEN_DURATION = Duration.ofSeconds(2);
  public static final int MAX_ATTEMPTS = 5;
  public static final Duration COOLDOWN = Duration.ofSeconds(30);
  public static final String LOGIN_PATH = "/login";

  /** The default {@code token-refresh.oidc.max-token-size}. */
  public static final int MAX_TOKEN_SIZE = 16 * 1024;

  private TestSettings() {}

  /** The {@code token-refresh.*} keys of the test deployment. */
  static Map<String, String> properties(URI tokenEndpoint) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("token-refresh.oidc.token-endpoint", tokenEndpoint.toString());
    p.put("token-refresh.oidc.client-id", MockIdp.CLIENT_ID);
    p.put("token-refresh.oidc.client-secret", MockIdp.CLIENT_SECRET);
    p.put("token-refresh.oidc.connect-timeout", CONNECT_TIMEOUT.toMillis() + "ms");
    p.put("token-refresh.oidc.read-timeout", READ_TIMEOUT.toMillis() + "ms");
    p.put("token-refresh.timeout", TIMEOUT.toMillis() + "ms");
    p.put("token-refresh.breaker.failure-threshold", Integer.toString(BREAKER_FAILURE_THRESHOLD));
    p.put("token-refresh.breaker.open-duration", BREAKER_OPEN_DURATION.toMillis() + "ms");
    p.put("token-refresh.max-attempts", Integer.toString(MAX_ATTEMPTS));
    p.put("token-refresh.attempt-window", "60s");
    p.put("token-refresh.cooldown", COOLDOWN.toSeconds() + "s");
    p.put("token-refresh.login-path", LOGIN_PATH);
    p.put("token-refresh.exclude-paths", "/support/");
    return p;
  }
}
