package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.demo.Browser;
import dev.tokenrefresh.example.demo.Burst;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Requests of one session in waves, so that some read the session's old tokens while the refresh is
 * in flight and others just after it completed: {@code timedWaves} waves of {@code perWave}
 * requests released {@code stepMillis} apart, then one more wave released the moment the first
 * answer arrives (the refresh has completed by then). Each request runs on its own thread.
 */
public final class StaggeredBurst {

  private StaggeredBurst() {}

  /** Fires all waves at {@code /api/me} and waits for every answer. */
  public static Burst.Result fire(
      Browser browser, URI app, int timedWaves, int perWave, long stepMillis)
      throws InterruptedException {
    int n = (timedWaves + 1) * perWave;
    ExecutorService threads = Executors.newFixedThreadPool(n);
    CountDownLatch ready = new CountDownLatch(n);
    List<CountDownLatch> waves = new ArrayList<>();
    for (int w = 0; w <= timedWaves; w++) {
      waves.add(new CountDownLatch(1));
    }
    CountDownLatch afterFirstAnswer = waves.get(timedWaves);
    Callable<Browser.Me> request =
        () -> {
          Browser.Me me = browser.me(app);
          afterFirstAnswer.countDown();
          return me;
        };
    List<Future<Browser.Me>> answers = new ArrayList<>();
    try {
      for (int w = 0; w <= timedWaves; w++) {
        CountDownLatch go = waves.get(w);
        for (int i = 0; i < perWave; i++) {
          answers.add(Burst.submitOnRelease(threads, ready, go, request));
        }
      }
      ready.await(30, TimeUnit.SECONDS);
      long started = System.nanoTime();
      for (int w = 0; w < timedWaves; w++) {
        waves.get(w).countDown();
        TimeUnit.MILLISECONDS.sleep(stepMillis);
      }
      return Burst.collect(answers, started);
    } finally {
      threads.shutdownNow();
    }
  }
}
