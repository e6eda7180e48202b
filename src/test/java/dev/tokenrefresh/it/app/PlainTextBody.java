package dev.tokenrefresh.it.app;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The test servlets' answer: one {@code key=value} line a field, as {@code text/plain} in UTF-8,
 * the format the tests' clients read back ({@code UserSession.echo}, the login and side-by-side
 * users).
 */
public final class PlainTextBody {

  private final StringBuilder lines = new StringBuilder();

  private PlainTextBody() {}

  /** A body whose first line is {@code key=value}. */
  public static PlainTextBody of(String key, Object value) {
    return new PlainTextBody().and(key, value);
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
