package dev.tokenrefresh.it.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test-only filter without async support, mapped in the test WAR's {@code web.xml} (so ahead of the
 * library's annotated filter) to {@code /no-async/*}: like a legacy filter in front of the library,
 * it makes the request unable to suspend, whatever the servlet supports.
 */
public class NoAsyncFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(req, res);
  }
}
