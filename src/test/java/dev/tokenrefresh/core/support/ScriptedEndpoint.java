package dev.tokenrefresh.core.support;

import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A token endpoint that counts its calls and answers from a script: each call takes the next step
 * (or repeats the last one). A step may wait on a gate first, so a test can hold calls in flight.
 * Thread-safe.
 */
public final class ScriptedEndpoint implements TokenEndpoint {

  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger interrupted = new AtomicInteger();
  private final Deque<Function<TokenSet, TokenSet>> steps = new ArrayDeque<>();
  private volatile CountDownLatch gate;
  private final Object entered = new Object();
  private Function<TokenSet, TokenSet> last = current -> Tokens.rotated();

  private final boolean ignoresInterrupts;

  private ScriptedEndpoint(CountDownLatch gate, boolean ignoresInterrupts) {
    this.gate = gate;
    this.ignoresInterrupts = ignoresInterrupts;
  }

  /** A gated endpoint whose calls hang on, ignoring interrupts, until {@link #open()}. */
  public static ScriptedEndpoint hung() {
    return new ScriptedEndpoint(new CountDownLatch(1), true);
  }

  /** An endpoint that answers at once with rotated tokens unless scripted otherwise. */
  public static ScriptedEndpoint immediate() {
    return new ScriptedEndpoint(new CountDownLatch(0), false);
  }

  /** An endpoint whose calls wait until {@link #open()} (or until interrupted). */
  public static ScriptedEndpoint gated() {
    return new ScriptedEndpoint(new CountDownLatch(1), false);
  }

  /** Appends a step: the answer of one call. */
  public synchronized ScriptedEndpoint then(Function<TokenSet, TokenSet> step) {
    steps.addLast(step);
    return this;
  }

  /** Appends a step that throws {@code failure}. */
  public ScriptedEndpoint thenThrow(RuntimeException failure) {
    return then(
        current -> {
          throw failure;
        });
  }

  /** Makes the next calls wait again, until the next {@link #open()}. */
  public void close() {
    gate = new CountDownLatch(1);
  }

  /** Lets gated calls proceed. */
  public void open() {
    gate.countDown();
  }

  /** Waits (at most 10 s) until {@code n} calls have entered the endpoint. */
  public void awaitEntered(int n) throws InterruptedException {
    synchronized (entered) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (calls.get() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("only " + calls.get() + " of " + n + " calls entered");
        }
        entered.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Calls made so far. */
  public int calls() {
    return calls.get();
  }

  /** Calls that ended because their thread was interrupted while waiting at the gate. */
  public int interruptedCalls() {
    return interrupted.get();
  }

  @Override
  public TokenSet refresh(TokenSet current) {
    calls.incrementAndGet();
    synchronized (entered) {
      entered.notifyAll();
    }
    try {
      awaitGate();
    } catch (InterruptedException e) {
      interrupted.incrementAndGet();
      Thread.currentThread().interrupt();
      throw dev.tokenrefresh.core.error.IdpFaultException.of(
          dev.tokenrefresh.core.error.FaultKind.IO, "interrupted");
    }
    return nextStep().apply(current);
  }

  private void awaitGate() throws InterruptedException {
    while (true) {
      try {
        gate.await();
        return;
      } catch (InterruptedException e) {
        if (!ignoresInterrupts) {
          throw e;
        }
        interrupted.incrementAndGet();
      }
    }
  }

  private synchronized Function<TokenSet, TokenSet> nextStep() {
    if (!steps.isEmpty()) {
      last = steps.pollFirst();
    }
    return last;
  }
}
