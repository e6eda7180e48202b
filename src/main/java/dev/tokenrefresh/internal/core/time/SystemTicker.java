package dev.tokenrefresh.internal.core.time;

/** The one place in the core that reads {@link System#nanoTime()}. Thread-safe (stateless). */
enum SystemTicker implements Ticker {
  INSTANCE;

  @Override
  public long read() {
    return System.nanoTime();
  }
}
