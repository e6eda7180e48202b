package dev.tokenrefresh.internal.jakarta.metrics;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The four things the metrics port needs from a metrics library. {@link NamedMetrics} maps the
 * coordinator's events onto them; each library (MicroProfile Metrics, Micrometer) implements only
 * this. Implementations must be thread-safe and must not block.
 */
interface MeterSink {

  /** Creates the counter {@code name} at 0, so that a scrape shows it before its first event. */
  void register(String name);

  /** Adds one to the counter {@code name}, creating it on first use. */
  void increment(String name);

  /** Adds one to the counter {@code name} with the tag {@code key=value}. */
  void increment(String name, String key, String value);

  /** Records one duration in the timer {@code name}. */
  void record(String name, Duration duration);

  /**
   * Registers a gauge that reads {@code value} when scraped. The caller keeps {@code value}
   * strongly reachable: Micrometer holds gauge sources only weakly.
   */
  void gauge(String name, IntSupplier value);
}
