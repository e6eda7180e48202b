package dev.tokenrefresh.it.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test-only resource that does not support async: the filter must wait for a refresh on the
 * request's thread (its blocking fallback). Answers like {@link EchoServlet}.
 */
@WebServlet(urlPatterns = "/echo-blocking", asyncSupported = false)
public class BlockingEchoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    EchoServlet.echo(req, resp);
  }
}
