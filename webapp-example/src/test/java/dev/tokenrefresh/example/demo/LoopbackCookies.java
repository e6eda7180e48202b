package dev.tokenrefresh.example.demo;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie jar that treats loopback addresses as a secure context, as browsers do (Chrome and
 * Firefox accept and send {@code Secure} cookies on {@code http://127.0.0.1}). The JDK's {@link
 * CookieManager} never sends a {@code Secure} cookie over plain HTTP, so a provider on loopback
 * that marks its login cookies {@code Secure} (Keycloak does) would lose its login session between
 * the login page and the form post. For loopback hosts only, the {@code Secure} attribute is
 * dropped as a cookie is stored; every other host keeps the JDK's rules. Thread-safe, as {@link
 * CookieManager} is.
 */
final class LoopbackCookies extends CookieHandler {

  private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure\\s*(?=;|$)");

  private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

  @Override
  public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders)
      throws IOException {
    return jar.get(uri, requestHeaders);
  }

  @Override
  public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
    if (!isLoopback(uri)) {
      jar.put(uri, responseHeaders);
      return;
    }
    Map<String, List<String>> relaxed =
        responseHeaders.entrySet().stream()
            .filter(e -> e.getKey() != null)
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        e.getKey().equalsIgnoreCase("Set-Cookie")
                            ? e.getValue().stream()
                                .map(v -> SECURE.matcher(v).replaceAll(""))
                                .toList()
                            : e.getValue()));
    jar.put(uri, relaxed);
  }

  private static boolean isLoopback(URI uri) {
    try {
      return uri.getHost() != null && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
