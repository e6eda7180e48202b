package dev.tokenrefresh.bench.throughput.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The benchmarked application endpoint, the same class in every variant: reads the session's user
 * and answers a small JSON document, like an application's {@code /api/me}. {@code bearer} says
 * whether the module's filter exposed an access token to the request (the one request attribute
 * read, in every variant alike), so that the launcher can check the filter really ran. It never
 * writes the token itself. Thread-safe (stateless).
 */
@WebServlet("/api/me")
public class MeServlet extends HttpServlet {

  /** The request attribute the module's filter sets (its {@code ACCESS_TOKEN} constant). */
  static final String ACCESS_TOKEN = "dev.tokenrefresh.access_token";

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    HttpSession session = req.getSession(false);
    Object user = session == null ? null : session.getAttribute(SessionUser.ATTRIBUTE);
    if (user == null) {
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    boolean bearer = req.getAttribute(ACCESS_TOKEN) != null;
    byte[] body =
        ("{\"user\":\""
                + user
                + "\",\"roles\":[\"reader\"],\"bearer\":"
                + bearer
                + ",\"sessionAgeMs\":"
                + (System.currentTimeMillis() - session.getCreationTime())
                + "}")
            .getBytes(StandardCharsets.UTF_8);
    resp.setContentType("application/json");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
