package dev.tokenrefresh.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A server's operating-system process and those it started (WildFly's {@code standalone.sh} starts
 * the JVM), as the launchers of the tests, the demo and the benchmarks hold it: stopped by {@link
 * #close()} and, should this JVM exit first, by a shutdown hook. Not thread-safe.
 */
public final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final Duration grace;
  private final Thread stopOnExit;

  private ServerProcess(Process process, String name, Duration grace) {
    this.process = process;
    this.grace = grace;
    this.stopOnExit = new Thread(this::stop, "stop-" + name + "-" + process.pid());
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Holds {@code process} from now on.
   *
   * @param name the server's name, for the shutdown hook's thread
   * @param grace how long {@link #close()} waits after SIGTERM before it sends SIGKILL
   */
  public static ServerProcess of(Process process, String name, Duration grace) {
    return new ServerProcess(process, name, grace);
  }

  /** The process itself (its output, exit value, id). */
  public Process process() {
    return process;
  }

  /**
   * Stops the server: SIGTERM to the process and every process it started (so that the server shuts
   * down in order and a flight recording is written), SIGKILL to whichever still runs after the
   * grace period; waits for them.
   */
  @Override
  public void close() {
    unhook();
    stop();
  }

  /**
   * {@code kill -9} to the process and those it started: no shutdown, no goodbye to a data grid (a
   * crashed node, as a fault test needs it); waits until the process is gone.
   *
   * @throws IllegalStateException when one of them outlives SIGKILL by 30 s
   */
  public void kill() throws InterruptedException {
    unhook();
    List<ProcessHandle> all = tree();
    all.forEach(ProcessHandle::destroyForcibly); // SIGKILL on Linux
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("pid " + p.pid() + " survived SIGKILL", e);
      }
    }
  }

  private void stop() {
    List<ProcessHandle> all = tree();
    all.forEach(ProcessHandle::destroy);
    try {
      for (ProcessHandle p : all) {
        p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception timedOut) {
      // killed below
    }
    all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<ProcessHandle> tree() {
    return Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
  }

  private void unhook() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs (or ran) anyway
    }
  }
}
