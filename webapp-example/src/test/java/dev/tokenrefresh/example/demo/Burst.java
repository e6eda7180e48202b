package dev.tokenrefresh.example.demo;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Fires {@code n} requests of one session at {@code /api/me} at the same instant: each on its own
 * thread, all released together by a latch once every thread is ready. Bounded: each request times
 * out after 60 s, and the burst gives up after 90 s.
 */
public final class Burst {

  private Burst() {}

  /**
   * The outcome of a burst.
   *
   * @param requests how many were sent
   * @param statuses answers by HTTP status (0: no answer)
   * @param maxRefreshes the highest session refresh count among the 200 answers
   * @param elapsed from the release of the latch to the last answer
   * @param failures the first few failures, for the report
   */
  public record Result(
      int requests,
      Map<Integer, Integer> statuses,
      int maxRefreshes,
      Duration elapsed,
      List<String> failures) {

    /** Answers with HTTP 200. */
    public int successes() {
      return statuses.getOrDefault(200, 0);
    }
  }

  /** Fires the burst at {@code /api/me} and waits for every answer. */
  public static Result fire(Browser browser, URI app, int n) throws InterruptedException {
    return fire(n, () -> browser.me(app));
  }

  /** Fires {@code n} copies of {@code request} at the same instant and waits for every answer. */
  public static Result fire(int n, Callable<Browser.Me> request) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(n);
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Browser.Me>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        answers.add(submitOnRelease(threads, ready, go, request));
      }
      ready.await(30, TimeUnit.SECONDS);
      long started = System.nanoTime();
      go.countDown();
      return collect(answers, started);
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Submits {@code request} to {@code threads}: its thread counts {@code ready} down, waits until
   * {@code go} opens, then sends it.
   */
  public static Future<Browser.Me> submitOnRelease(
      ExecutorService threads,
      CountDownLatch ready,
      CountDownLatch go,
      Callable<Browser.Me> request) {
    return threads.submit(
        () -> {
          ready.countDown();
          go.await();
          return request.call();
        });
  }

  /**
   * Waits for every answer, at most 90 s from {@code started} (nanoTime), and tallies them. Answers
   * without a {@code refreshes} count (not {@code /api/me}) leave {@code maxRefreshes}.
   */
  public static Result collect(List<Future<Browser.Me>> answers, long started)
      throws InterruptedException {
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int maxRefreshes = 0;
    long deadline = started + TimeUnit.SECONDS.toNanos(90);
    for (Future<Browser.Me> answer : answers) {
      Browser.Me me;
      try {
        me = answer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        statuses.merge(0, 1, Integer::sum);
        if (failures.size() < 5) {
          failures.add("no answer: " + (e.getCause() == null ? e : e.getCause()));
        }
        continue;
      }
      statuses.merge(me.status(), 1, Integer::sum);
      if (me.status() == 200) {
        if (me.json().get("refreshes") instanceof Number) {
          maxRefreshes = Math.max(maxRefreshes, me.refreshes());
        }
      } else if (failures.size() < 5) {
        failures.add("HTTP " + me.status() + " " + me.json());
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return new Result(answers.size(), statuses, maxRefreshes, elapsed, failures);
  }
}
