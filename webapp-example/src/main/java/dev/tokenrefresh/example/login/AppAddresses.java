package dev.tokenrefresh.example.login;

import dev.tokenrefresh.example.config.ExampleSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * This application's own addresses that the provider redirects the browser to: the login callback
 * and the page after logout. Configured ones win; otherwise they are derived from the address the
 * browser used, which is right when nothing rewrites it (behind a proxy, configure them).
 * Thread-safe (stateless).
 */
final class AppAddresses {

  private AppAddresses() {}

  /** Where the provider sends the browser back with the authorization code. */
  static URI callback(HttpServletRequest request, ExampleSettings settings) {
    return settings.redirectUri().orElseGet(() -> base(request).resolve("callback"));
  }

  /** Where the provider sends the browser after logging it out. */
  static URI afterLogout(HttpServletRequest request, ExampleSettings settings) {
    return settings.postLogoutRedirectUri().orElseGet(() -> base(request));
  }

  /** The application's start page: {@code scheme://host:port/context/}. */
  static URI base(HttpServletRequest request) {
    return URI.create(request.getRequestURL().toString()).resolve(request.getContextPath() + "/");
  }
}
