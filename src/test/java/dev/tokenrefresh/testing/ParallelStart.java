package dev.tokenrefresh.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts several servers at once (two boots share the machine's cores) and waits for all, as the
 * clusters of the tests and of the example's Keycloak suite do: either every server runs, or none
 * is left running.
 */
public final class ParallelStart {

  private ParallelStart() {}

  /** Starts one server; blocks until it is ready. */
  @FunctionalInterface
  public interface Start<T extends AutoCloseable> {
    T start() throws IOException, InterruptedException;
  }

  /**
   * Runs every start at once and waits for all of them.
   *
   * @return the servers, in the order of {@code starts}
   * @throws IllegalStateException with the first failure as its cause, once the servers that did
   *     start are closed
   */
  public static <T extends AutoCloseable> List<T> all(List<Start<T>> starts) {
    List<CompletableFuture<T>> boots = new ArrayList<>();
    for (Start<T> start : starts) {
      boots.add(CompletableFuture.supplyAsync(() -> unchecked(start)));
    }
    List<T> started = new ArrayList<>();
    RuntimeException failed = null;
    for (CompletableFuture<T> boot : boots) {
      try {
        started.add(boot.join());
      } catch (CompletionException e) {
        failed = failed == null ? new IllegalStateException(e.getCause()) : failed;
      }
    }
    if (failed != null) {
      for (T server : started) {
        closeQuietly(server, failed);
      }
      throw failed;
    }
    return started;
  }

  private static <T extends AutoCloseable> T unchecked(Start<T> start) {
    try {
      return start.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(AutoCloseable server, RuntimeException failed) {
    try {
      server.close();
    } catch (Exception e) {
      failed.addSuppressed(e);
    }
  }
}
