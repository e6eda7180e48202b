package dev.tokenrefresh.it.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Test-only probe of the server's HTTP request threads: {@code POST} starts sampling them every
 * {@link #EVERY_MS} ms on a thread of its own; {@code GET} stops and answers one line per sample,
 * {@code <epoch millis> <busy> <pool threads>}; {@code GET ?dump} answers the pool threads' stacks
 * instead (how the busy rule below was checked on each server).
 *
 * <p>The pool is the threads named like the server's HTTP worker pool: {@code http-thread-pool::}
 * on Payara (Grizzly), {@code default task-} on WildFly (Undertow). A pool thread is <em>busy</em>
 * when its stack holds any frame beyond the JDK and the pool's own task loop: an idle worker parks
 * in its queue with nothing else on its stack; one that serves a request, or waits inside a filter,
 * carries the container's HTTP and servlet frames. Lives under the path the filter excludes, and in
 * the WAR (not the server) so that both servers run the same probe. Thread-safe.
 */
@WebServlet("/support/busy-threads")
public class BusyThreadsServlet extends HttpServlet {

  /** Sampling period. */
  public static final int EVERY_MS = 10;

  private static final long serialVersionUID = 1L;
  private static final List<String> POOL_NAMES = List.of("http-thread-pool::", "default task-");
  private static final List<String> MACHINERY =
      List.of(
          "java.",
          "jdk.",
          "sun.",
          "org.glassfish.grizzly.threadpool.",
          "org.jboss.threads.",
          "org.xnio.");

  /** Guarded by this servlet; one sampling at a time. */
  private transient Sampler running;

  @Override
  protected synchronized void doPost(HttpServletRequest req, HttpServletResponse resp) {
    if (running != null) {
      running.stop();
    }
    running = new Sampler();
    running.start();
    resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain;charset=UTF-8");
    if (req.getParameter("dump") != null) {
      resp.getWriter().write(dump());
      return;
    }
    Sampler done;
    synchronized (this) {
      done = running;
      running = null;
    }
    if (done == null) {
      resp.sendError(HttpServletResponse.SC_CONFLICT, "not sampling");
      return;
    }
    resp.getWriter().write(String.join("\n", done.stop()));
  }

  /** One pass over the pool: {@code {busy, threads}}. */
  static int[] sample(ThreadMXBean mx) {
    ThreadInfo[] pool = mx.getThreadInfo(poolThreadIds(mx), Integer.MAX_VALUE);
    int busy = 0;
    int threads = 0;
    for (ThreadInfo t : pool) {
      if (t != null) {
        threads++;
        if (isBusy(t.getStackTrace())) {
          busy++;
        }
      }
    }
    return new int[] {busy, threads};
  }

  static boolean isBusy(StackTraceElement[] stack) {
    return Arrays.stream(stack)
        .anyMatch(f -> MACHINERY.stream().noneMatch(p -> f.getClassName().startsWith(p)));
  }

  private static long[] poolThreadIds(ThreadMXBean mx) {
    return Arrays.stream(mx.getThreadInfo(mx.getAllThreadIds(), 0))
        .filter(t -> t != null && POOL_NAMES.stream().anyMatch(t.getThreadName()::startsWith))
        .mapToLong(ThreadInfo::getThreadId)
        .toArray();
  }

  private static String dump() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    StringBuilder out = new StringBuilder();
    for (ThreadInfo t : mx.getThreadInfo(poolThreadIds(mx), Integer.MAX_VALUE)) {
      if (t == null) {
        continue;
      }
      out.append(t.getThreadName())
          .append(isBusy(t.getStackTrace()) ? " BUSY " : " idle ")
          .append(t.getThreadState())
          .append('\n');
      for (StackTraceElement f : t.getStackTrace()) {
        out.append("    at ").append(f).append('\n');
      }
    }
    return out.toString();
  }

  /** The sampling thread and its samples. */
  private static final class Sampler implements Runnable {

    private final List<String> samples = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread = new Thread(this, "it-busy-threads-sampler");
    private volatile boolean stop;

    void start() {
      thread.setDaemon(true);
      thread.start();
    }

    List<String> stop() {
      stop = true;
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return samples;
    }

    @Override
    public void run() {
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      try {
        while (!stop) {
          int[] s = sample(mx);
          // Wall-clock time: the test, on the same machine, places its own phases on it.
          samples.add(System.currentTimeMillis() + " " + s[0] + " " + s[1]);
          Thread.sleep(EVERY_MS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        stopped.countDown();
      }
    }
  }
}
