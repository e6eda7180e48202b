package dev.tokenrefresh.internal.jakarta.cluster;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few daemon threads that run the cluster's short, blocking grid calls (claims, renewals,
 * outcomes). They are not the managed executor that runs provider calls: a server's default one may
 * have a single thread (Payara's core pool size is 0), and a lease renewal queued behind provider
 * calls would let the lease run out. Grid work needs no container context (no JNDI, no CDI), like
 * Hazelcast's own threads. Sized for flights arriving together: each makes a few blocking calls
 * before its claim is answered (the session's record, the claim) and a follower one more (its
 * watch); with 4 threads, 50 flights at once on one node queued the last claims beyond the 2 s grid
 * timeout on a loaded 2-core machine (TwoNodeClusterIT, 50 sessions of 20 requests). The threads
 * mostly wait for the grid's answer and time out when idle. Shut down with the deployment.
 * Thread-safe.
 */
final class GridThreads {

  private static final int THREADS = 16;

  private GridThreads() {}

  static ExecutorService start() {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread t = new Thread(task, "token-refresh-grid-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), factory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
