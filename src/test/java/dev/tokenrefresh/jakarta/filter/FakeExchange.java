package dev.tokenrefresh.jakarta.filter;

import dev.tokenrefresh.core.support.StandIn;
import dev.tokenrefresh.jakarta.store.FakeHttp;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request through the filter as a servlet container would run it: a session that can be
 * invalidated (its attribute methods and {@code getId} then throw {@link IllegalStateException}),
 * async support whose {@link AsyncContext#dispatch()} runs {@code onDispatch} the way a container
 * re-enters the filter on an {@code ASYNC} dispatch, and a response that records status and body.
 */
final class FakeExchange {

  /** The session's attributes; survive only as long as the session. */
  final Map<String, Object> sessionAttributes = new ConcurrentHashMap<>();

  final AtomicBoolean invalidated = new AtomicBoolean();
  final AtomicReference<HttpSession> session = new AtomicReference<>();
  final AtomicInteger dispatches = new AtomicInteger();
  final AtomicBoolean suspended = new AtomicBoolean();

  /** The request's path as sent (raw) and as the container decoded and routed it. */
  volatile String contextPath = "";

  volatile String requestUri = "/api/me";
  volatile String servletPath = "/api";
  volatile String pathInfo = "/me";

  /** Whether the request supports async; a test of a request that never suspends may say no. */
  volatile boolean asyncSupported = true;

  /** What a dispatch does; set by the test to re-enter the filter. */
  volatile Runnable onDispatch = () -> {};

  private final Map<String, Object> requestAttributes = new ConcurrentHashMap<>();
  private volatile DispatcherType dispatcherType = DispatcherType.REQUEST;
  private final RecordedResponse recorded = new RecordedResponse();
  final AtomicInteger status = recorded.status;
  final HttpServletRequest request;
  final HttpServletResponse response = recorded.response;

  FakeExchange(String sessionId) {
    session.set(FakeHttp.session(sessionId, invalidated, sessionAttributes));
    request = request();
  }

  /** Ends the session as {@code HttpSession.invalidate()} does: every attribute call throws. */
  void invalidate() {
    invalidated.set(true);
    sessionAttributes.clear();
  }

  String body() {
    return recorded.body();
  }

  private HttpServletRequest request() {
    return StandIn.of(
        HttpServletRequest.class,
        (proxy, method, args) ->
            switch (method.getName()) {
              case "getSession" -> {
                if (args != null && args.length == 1 && (Boolean) args[0]) {
                  throw new AssertionError("the filter must never create a session");
                }
                yield session.get();
              }
              case "getAttribute" -> requestAttributes.get((String) args[0]);
              case "setAttribute" -> requestAttributes.put((String) args[0], args[1]);
              case "removeAttribute" -> requestAttributes.remove((String) args[0]);
              case "getDispatcherType" -> dispatcherType;
              case "isAsyncSupported" -> asyncSupported;
              case "startAsync" -> {
                suspended.set(true);
                yield async();
              }
              case "getMethod" -> "GET";
              case "getContextPath" -> contextPath;
              case "getRequestURI" -> requestUri;
              case "getServletPath" -> servletPath;
              case "getPathInfo" -> pathInfo;
              case "getHeader" -> null;
              default -> null;
            });
  }

  private AsyncContext async() {
    return StandIn.of(
        AsyncContext.class,
        (proxy, method, args) ->
            switch (method.getName()) {
              case "dispatch" -> {
                dispatches.incrementAndGet();
                dispatcherType = DispatcherType.ASYNC;
                onDispatch.run();
                yield null;
              }
              case "getRequest" -> request;
              case "getResponse" -> response;
              default -> null;
            });
  }
}
