package dev.tokenrefresh.internal.core.cluster;

import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory grid shared by simulated nodes: entries expire by a fake ticker (checked on every
 * read, as Hazelcast does), listeners are called synchronously after each change (outside the
 * lock), a write without a time-to-live is refused, and a node can be killed (its calls then fail
 * and the others are told), made to fail, or made to hang. Thread-safe.
 */
final class FakeGrid {

  private final Ticker ticker;
  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<String, List<Consumer<Optional<byte[]>>>> listeners = new ConcurrentHashMap<>();
  private final Set<String> members = ConcurrentHashMap.newKeySet();
  private final List<Node> nodes = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  volatile boolean failing;
  volatile boolean failSetTtl;
  volatile boolean ignoreSetTtl;
  volatile boolean dropEvents;
  volatile CountDownLatch hang;

  /** When set, a listener's registration counts it down and then waits for {@link #hangListen}. */
  volatile CountDownLatch listenEntered;

  volatile CountDownLatch hangListen;

  FakeGrid(Ticker ticker) {
    this.ticker = ticker;
  }

  private record Entry(byte[] value, long expiresAt) {}

  Node node(String member) {
    members.add(member);
    Node n = new Node(member);
    nodes.add(n);
    return n;
  }

  /** Kills {@code member}: its calls fail from now on, and every other node is told. */
  void kill(String member, boolean tellOthers) {
    members.remove(member);
    if (tellOthers) {
      for (Node n : nodes) {
        if (!n.member.equals(member)) {
          n.lost.forEach(l -> l.accept(member));
        }
      }
    }
  }

  /** Grid operations made by any node so far. */
  int calls() {
    return calls.get();
  }

  /** Every value stored now (expired or not), for leak checks. */
  synchronized List<byte[]> values() {
    return entries.values().stream().map(Entry::value).toList();
  }

  /** Live entries now. */
  synchronized int size() {
    long now = ticker.read();
    return (int) entries.values().stream().filter(e -> e.expiresAt - now > 0).count();
  }

  private synchronized Optional<byte[]> live(String key) {
    Entry e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (e.expiresAt - ticker.read() <= 0) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(e.value);
  }

  private void fire(String key, Optional<byte[]> value) {
    if (dropEvents) {
      return;
    }
    for (Consumer<Optional<byte[]>> l : listeners.getOrDefault(key, List.of())) {
      l.accept(value);
    }
  }

  private static long nanos(Duration ttl) {
    if (ttl == null || ttl.isZero() || ttl.isNegative()) {
      throw new AssertionError("a grid write without a time-to-live");
    }
    return ttl.toNanos();
  }

  /** One node's view of the grid. */
  final class Node implements ClusterGrid {
    final String member;
    final List<Consumer<String>> lost = new CopyOnWriteArrayList<>();
    private final GridMap flights = new View("flights/");
    private final GridMap sessions = new View("sessions/");

    Node(String member) {
      this.member = member;
    }

    void enter() {
      calls.incrementAndGet();
      if (!members.contains(member)) {
        throw new IllegalStateException("this member is dead");
      }
      if (failing) {
        throw new IllegalStateException("grid failing");
      }
      awaitIfSet(hang);
    }

    private void awaitListen() {
      CountDownLatch entered = listenEntered;
      CountDownLatch h = hangListen;
      if (entered != null) {
        entered.countDown();
      }
      awaitIfSet(h);
    }

    /** Blocks on {@code latch} when a test set one (a hung grid), as an interruptible call. */
    private static void awaitIfSet(CountDownLatch latch) {
      if (latch != null) {
        try {
          latch.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted");
        }
      }
    }

    @Override
    public GridMap flights() {
      return flights;
    }

    @Override
    public GridMap sessions() {
      return sessions;
    }

    @Override
    public String localMember() {
      return member;
    }

    @Override
    public boolean isMember(String m) {
      enter();
      return members.contains(m);
    }

    @Override
    public Registration onMemberLost(Consumer<String> onLost) {
      lost.add(onLost);
      return () -> lost.remove(onLost);
    }

    @Override
    public void close() {
      lost.clear();
    }

    private final class View implements GridMap {
      private final String prefix;

      View(String prefix) {
        this.prefix = prefix;
      }

      @Override
      public Optional<byte[]> putIfAbsent(String key, byte[] value, Duration ttl) {
        enter();
        Optional<byte[]> existing;
        synchronized (FakeGrid.this) {
          existing = live(prefix + key);
          if (existing.isEmpty()) {
            entries.put(prefix + key, new Entry(value.clone(), ticker.read() + nanos(ttl)));
          }
        }
        if (existing.isEmpty()) {
          fire(prefix + key, Optional.of(value));
        }
        return existing;
      }

      @Override
      public Optional<byte[]> get(String key) {
        enter();
        return live(prefix + key);
      }

      @Override
      public void set(String key, byte[] value, Duration ttl) {
        enter();
        synchronized (FakeGrid.this) {
          entries.put(prefix + key, new Entry(value.clone(), ticker.read() + nanos(ttl)));
        }
        fire(prefix + key, Optional.of(value));
      }

      @Override
      public boolean remove(String key, byte[] expected) {
        enter();
        boolean removed;
        synchronized (FakeGrid.this) {
          Optional<byte[]> now = live(prefix + key);
          removed = now.isPresent() && Arrays.equals(now.get(), expected);
          if (removed) {
            entries.remove(prefix + key);
          }
        }
        if (removed) {
          fire(prefix + key, Optional.empty());
        }
        return removed;
      }

      @Override
      public boolean extend(String key, byte[] expected, Duration ttl) {
        enter();
        if (failSetTtl) {
          throw new IllegalStateException("extend failing");
        }
        if (ignoreSetTtl) {
          Optional<byte[]> now = live(prefix + key);
          return now.isPresent() && Arrays.equals(now.get(), expected);
        }
        synchronized (FakeGrid.this) {
          Optional<byte[]> now = live(prefix + key);
          if (now.isEmpty() || !Arrays.equals(now.get(), expected)) {
            return false;
          }
          entries.put(prefix + key, new Entry(now.get(), ticker.read() + nanos(ttl)));
          return true;
        }
      }

      @Override
      public Registration listen(String key, Consumer<Optional<byte[]>> onChange) {
        enter();
        awaitListen();
        Consumer<Optional<byte[]>> mine =
            v -> {
              if (members.contains(member)) {
                onChange.accept(v);
              }
            };
        listeners.computeIfAbsent(prefix + key, k -> new CopyOnWriteArrayList<>()).add(mine);
        return () -> listeners.getOrDefault(prefix + key, new ArrayList<>()).remove(mine);
      }
    }
  }
}
