package dev.tokenrefresh.it.app;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The test servlets' answer: one {@code key=value} line a field, as {@code text/plain} in UTF-8,
 * the format the tests' clients read back ({@code UserSession.echo}, the login and side-by-side
 * users).
 */
public final class PlainTextBody {

  /** Echo body key: the access token the servlet was given, empty when absent. */
  public static final String ACCESS_TOKEN = "access_token";

  /** Echo body key: the request's dispatcher type. */
  public static final String DISPATCHER = "dispatcher";

  private final StringBuilder lines = new StringBuilder();

  private PlainTextBody() {}

  /** A body whose first line is {@code key=value}. */
  public static PlainTextBody of(String key, Object value) {
    return new PlainTextBody().and(key, value);
  }

  /**
   * The body of every echo servlet (the module's {@code EchoServlet}, the built-in client's {@code
   * BuiltInEchoServlet}), so that {@code Echo} reads both alike.
   *
   * @param accessToken the access token the servlet was given, {@code null} when none
   */
  public static PlainTextBody echo(Object accessToken, DispatcherType dispatch) {
    return of(ACCESS_TOKEN, accessToken == null ? "" : accessToken).and(DISPATCHER, dispatch);
  }

  /** Adds the line {@code key=value}. */
  public PlainTextBody and(String key, Object value) {
    lines.append(key).append('=').append(value).append('\n');
    return this;
  }

  /** Writes the lines as {@code resp}'s body. */
  public void writeTo(HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain;charset=UTF-8");
    resp.getWriter().write(lines.toString());
  }
}
