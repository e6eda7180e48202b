package dev.tokenrefresh.core.support;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Releases N threads together on a latch; each asks for a refresh of the same tokens in the same
 * session. Once every thread holds its stage, the endpoint's gate opens and the results are
 * collected. Used by the single-flight tests and their negative controls.
 */
public final class Burst {

  /** Anything that answers "refresh these tokens": the coordinator, or a naive stand-in. */
  @FunctionalInterface
  public interface Refresher {
    CompletionStage<TokenSet> refresh(SessionKey session, TokenSet tokens);
  }

  /** What a burst produced. */
  public record Result(List<TokenSet> tokens, List<Throwable> failures) {}

  private Burst() {}

  /** Runs {@code callers} threads through {@code refresher}, then opens {@code endpoint}. */
  public static Result run(
      int callers, Refresher refresher, ScriptedEndpoint endpoint, TokenSet tokens)
      throws InterruptedException {
    SessionKey session = SessionKey.of("session-" + System.identityHashCode(tokens));
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(callers);
    ConcurrentLinkedQueue<CompletionStage<TokenSet>> stages = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  stages.add(refresher.refresh(session, tokens));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  holding.countDown();
                }
              });
      t.start();
      threads.add(t);
    }
    start.countDown();
    if (!holding.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("callers did not all get a stage");
    }
    endpoint.open();
    List<TokenSet> results = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (CompletionStage<TokenSet> stage : stages) {
      try {
        results.add(stage.toCompletableFuture().get(30, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        failures.add(e.getCause());
      } catch (TimeoutException e) {
        throw new AssertionError("a caller never got an answer", e);
      }
    }
    for (Thread t : threads) {
      t.join();
    }
    return new Result(results, failures);
  }
}
