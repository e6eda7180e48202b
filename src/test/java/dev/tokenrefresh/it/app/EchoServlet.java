package dev.tokenrefresh.it.app;

import dev.tokenrefresh.jakarta.filter.TokenRefreshFilter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test-only resource behind the filter (async supported): answers with the access token the filter
 * exposed, and the dispatch that reached it ({@code REQUEST}, or {@code ASYNC} after a suspension).
 */
@WebServlet(
    urlPatterns = {"/echo", "/no-async/echo"},
    asyncSupported = true)
public class EchoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    echo(req, resp);
  }

  static void echo(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    PlainTextBody.echo(req.getAttribute(TokenRefreshFilter.ACCESS_TOKEN), req.getDispatcherType())
        .writeTo(resp);
  }
}
