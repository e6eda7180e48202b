package dev.tokenrefresh.jakarta.store;

import dev.tokenrefresh.core.support.StandIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Minimal request and session stand-ins: only what the token store calls. The filter's tests use
 * the session too. Thread-safe.
 */
public final class FakeHttp {

  private FakeHttp() {}

  /** A session with the given id whose attributes live in a map. */
  public static HttpSession session(String id) {
    return session(id, new AtomicBoolean());
  }

  /**
   * A session that, once {@code invalidated} is set, throws {@link IllegalStateException} from
   * every attribute method and from {@code getId}, as a container's invalidated session does.
   */
  public static HttpSession session(String id, AtomicBoolean invalidated) {
    return session(id, invalidated, new ConcurrentHashMap<>());
  }

  /** The same, its attributes kept in {@code attributes}. */
  public static HttpSession session(
      String id, AtomicBoolean invalidated, Map<String, Object> attributes) {
    return StandIn.of(
        HttpSession.class,
        (proxy, method, args) -> {
          String name = method.getName();
          if (invalidated.get() && (name.contains("Attribute") || name.equals("getId"))) {
            throw new IllegalStateException(name + ": session already invalidated");
          }
          return switch (name) {
            case "getId" -> id;
            case "getAttribute" -> attributes.get((String) args[0]);
            case "setAttribute" -> attributes.put((String) args[0], args[1]);
            case "removeAttribute" -> attributes.remove((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
          };
        });
  }

  /** A request belonging to {@code session} (or to none); it never creates a session. */
  public static HttpServletRequest request(HttpSession session) {
    return StandIn.of(
        HttpServletRequest.class,
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
