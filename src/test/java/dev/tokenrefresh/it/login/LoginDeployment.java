package dev.tokenrefresh.it.login;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The configuration the login tests' WARs share: the login on, its provider found by discovery. */
final class LoginDeployment {

  private LoginDeployment() {}

  /**
   * The login's keys for a provider at {@code issuer}, plus {@code more}: no token endpoint of its
   * own (discovery finds it) and a refresh timeout that fits a JWK set fetch after the token
   * request (twice connect plus read, 1 s + 4 s).
   */
  static Map<String, String> config(URI issuer, Map<String, String> more) {
    Map<String, String> config = new HashMap<>();
    config.put("token-refresh.oidc.token-endpoint", "");
    config.put("token-refresh.oidc.issuer", issuer.toString());
    config.put("token-refresh.login.enabled", "true");
    config.put("token-refresh.timeout", "11s");
    config.putAll(more);
    return config;
  }
}
