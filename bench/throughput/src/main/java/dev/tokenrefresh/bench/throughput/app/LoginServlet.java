package dev.tokenrefresh.bench.throughput.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Benchmark login for the variants without the module: {@code POST} creates the session and stores
 * the user in it. Thread-safe (stateless).
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
    req.getSession(true).setAttribute(SessionUser.ATTRIBUTE, SessionUser.NAME);
    resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}
