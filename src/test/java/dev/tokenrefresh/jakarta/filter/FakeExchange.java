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
    return StandIn.answering(HttpServletRequest.class)
        .answerBy("getSession", this::currentSession)
        .answerBy("getAttribute", args -> requestAttributes.get((String) args[0]))
        .answerBy("setAttribute", args -> requestAttributes.put((String) args[0], args[1]))
        .answerBy("removeAttribute", args -> requestAttributes.remove((String) args[0]))
        .answerBy("getDispatcherType", args -> dispatcherType)
        .answerBy("isAsyncSupported", args -> asyncSupported)
        .answerBy("startAsync", args -> startAsync())
        .answer("getMethod", "GET")
        .answerBy("getContextPath", args -> contextPath)
        .answerBy("getRequestURI", args -> requestUri)
        .answerBy("getServletPath", args -> servletPath)
        .answerBy("getPathInfo", args -> pathInfo)
        .answer("getHeader", null)
        .nullForTheRest();
  }

  /** {@code getSession()} or {@code getSession(create)}: the filter must never create one. */
  private HttpSession currentSession(Object[] args) {
    if (args != null && args.length == 1 && (Boolean) args[0]) {
      throw new AssertionError("the filter must never create a session");
    }
    return session.get();
  }

  private AsyncContext startAsync() {
    suspended.set(true);
    return StandIn.answering(AsyncContext.class)
        .answerBy(
            "dispatch",
            args -> {
              dispatches.incrementAndGet();
              dispatcherType = DispatcherType.ASYNC;
              onDispatch.run();
              return null;
            })
        .answer("getRequest", request)
        .answer("getResponse", response)
        .nullForTheRest();
  }
}
