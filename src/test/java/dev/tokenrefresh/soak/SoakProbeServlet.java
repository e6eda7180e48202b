package dev.tokenrefresh.soak;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * The server JVM's own readings for the soak, past the filter ({@code /support/} is excluded): heap
 * in use right after a full collection, and live threads. {@code System.gc()} is what makes the
 * heap figure comparable from one sample to the next; the soak calls this once a minute.
 */
@WebServlet("/support/soak-probe")
public class SoakProbeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    response.setContentType("text/plain");
    response.getWriter().print("heapAfterGc=" + heap + "\nliveThreads=" + threads + "\n");
  }
}
