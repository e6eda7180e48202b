package dev.tokenrefresh.jakarta.store;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Minimal request and session stand-ins: only what the token store calls. */
final class FakeHttp {

  private FakeHttp() {}

  /** A session with the given id whose attributes live in a map. */
  static HttpSession session(String id) {
    return session(id, new AtomicBoolean());
  }

  /**
   * A session that, once {@code invalidated} is set, throws {@link IllegalStateException} from
   * every attribute method, as a container's invalidated session does.
   */
  static HttpSession session(String id, AtomicBoolean invalidated) {
    Map<String, Object> attributes = new ConcurrentHashMap<>();
    return (HttpSession)
        Proxy.newProxyInstance(
            FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpSession.class},
            (proxy, method, args) -> {
              if (invalidated.get() && method.getName().contains("Attribute")) {
                throw new IllegalStateException(method.getName() + ": session already invalidated");
              }
              return switch (method.getName()) {
                case "getId" -> id;
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "removeAttribute" -> attributes.remove((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
              };
            });
  }

  /** A request belonging to {@code session} (or to none); it never creates a session. */
  static HttpServletRequest request(HttpSession session) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getSession")) {
                if (args != null && args.length == 1 && (Boolean) args[0]) {
                  throw new AssertionError("the token store must never create a session");
                }
                return session;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
