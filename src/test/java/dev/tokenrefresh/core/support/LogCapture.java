package dev.tokenrefresh.core.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records what one class logs (java.util.logging) from {@link #of} until {@link #close}, from any
 * thread. Thread-safe.
 */
public final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
  }

  /** Starts recording what {@code source}'s logger logs. */
  public static LogCapture of(Class<?> source) {
    LogCapture capture = new LogCapture(Logger.getLogger(source.getName()));
    capture.logger.addHandler(capture);
    return capture;
  }

  /** Everything logged so far, in order. */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The messages logged at exactly {@code level}, formatted with their parameters. */
  public List<String> messages(Level level) {
    return records.stream().filter(r -> r.getLevel() == level).map(LogCapture::text).toList();
  }

  /** A record's message, formatted with its parameters. */
  public static String text(LogRecord record) {
    return new SimpleFormatter().formatMessage(record);
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  /** Stops recording. */
  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
