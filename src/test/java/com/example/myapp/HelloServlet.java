package com.example.myapp;

import dev.tokenrefresh.jakarta.filter.TokenRefreshFilter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A protected servlet: the filter has refreshed the session's access token, if it had to, before
 * this runs. {@code asyncSupported}: a request that waits for a refresh then holds no thread.
 */
@WebServlet(urlPatterns = "/api/hello", asyncSupported = true)
public class HelloServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String accessToken = (String) request.getAttribute(TokenRefreshFilter.ACCESS_TOKEN);
    if (accessToken == null) {
      // The filter does not authenticate: a session without tokens (never logged in, logged
      // out) passes through with no attribute. Refuse it yourself, or send it to your login.
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    // Call your resource server with "Authorization: Bearer " + accessToken.
    response.setContentType("text/plain");
    response.getWriter().println("hello, your access token has " + accessToken.length() + " chars");
  }
}
