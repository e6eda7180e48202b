package dev.tokenrefresh.jakarta.filter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A response's output stream that keeps what the filter writes; always ready. Thread-safe. */
final class RecordedBody extends ServletOutputStream {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  @Override
  public void write(int b) {
    bytes.write(b);
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void setWriteListener(WriteListener listener) {}

  /** What was written so far, as UTF-8. */
  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
