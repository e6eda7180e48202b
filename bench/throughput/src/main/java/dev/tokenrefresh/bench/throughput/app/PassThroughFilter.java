package dev.tokenrefresh.bench.throughput.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A filter that does nothing but pass the request on, mapped like the module's: what the container
 * charges for having one filter at all, apart from what the filter does. Thread-safe (stateless).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PassThroughFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(req, res);
  }
}
