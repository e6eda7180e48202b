package dev.tokenrefresh.it.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies one client sends. A fixed jar sends the login's cookies unchanged; a browser's jar
 * keeps what the servers set later, as a browser does (Payara's replicated sessions set {@code
 * JSESSIONIDVERSION} after each change; a client that sent an old one would be served a node's
 * stale local copy). Thread-safe: a burst sends many requests of one session at once.
 */
final class CookieJar {

  private final boolean keepsUpdates;

  /** Guarded by itself: cookie name to value, in the order first set. */
  private final Map<String, String> cookies;

  private CookieJar(boolean keepsUpdates, Map<String, String> cookies) {
    this.keepsUpdates = keepsUpdates;
    this.cookies = new LinkedHashMap<>(cookies);
  }

  /** A jar holding the cookies of {@code setCookies}. */
  static CookieJar of(List<String> setCookies, boolean keepsUpdates) {
    CookieJar jar = new CookieJar(true, Map.of());
    jar.keep(setCookies);
    return new CookieJar(keepsUpdates, jar.cookies);
  }

  /** A jar of its own holding the cookies as they are now. */
  CookieJar copy() {
    synchronized (cookies) {
      return new CookieJar(keepsUpdates, cookies);
    }
  }

  boolean isEmpty() {
    synchronized (cookies) {
      return cookies.isEmpty();
    }
  }

  /** The {@code Cookie} request header. */
  String header() {
    synchronized (cookies) {
      return cookies.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; "));
    }
  }

  /** Takes in a response's {@code Set-Cookie} headers, if this jar keeps updates. */
  void update(List<String> setCookies) {
    if (keepsUpdates) {
      keep(setCookies);
    }
  }

  private void keep(List<String> setCookies) {
    synchronized (cookies) {
      for (String header : setCookies) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String name = pair.substring(0, eq).trim();
        if (header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, pair.substring(eq + 1).trim());
        }
      }
    }
  }

  @Override
  public String toString() {
    synchronized (cookies) {
      return "CookieJar" + cookies.keySet();
    }
  }
}
