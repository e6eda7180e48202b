package dev.tokenrefresh.internal.oidc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server on 127.0.0.1, written on a bare socket so that it can answer what no proper
 * server would: any status, any content type, any bytes, a body cut short of its Content-Length, an
 * endless body. Every path gets the reply set last, with {@code Connection: close}. For property
 * tests that feed the client whatever a broken or hostile provider could send. One connection at a
 * time, on one daemon thread; the reply is volatile.
 */
final class LoopbackReplies implements AutoCloseable {

  /**
   * @param status the HTTP status
   * @param contentType the Content-Type header, or {@code null} for none
   * @param body the bytes to send
   * @param shape whole, cut short (a Content-Length longer than what is sent), or endless
   */
  record Reply(int status, String contentType, byte[] body, Shape shape) {

    static Reply of(int status, String contentType, String body) {
      return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Shape.WHOLE);
    }
  }

  enum Shape {
    WHOLE,
    CUT_SHORT,
    ENDLESS
  }

  /** How much an endless reply sends at most when nobody stops reading. */
  static final long ENDLESS_BYTES = 64L * 1024 * 1024;

  private final ServerSocket socket;
  private final Thread acceptor;
  private final AtomicLong bytesSent = new AtomicLong();
  private volatile Reply reply = Reply.of(404, "text/plain", "");

  LoopbackReplies() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "loopback-replies");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  void answer(Reply next) {
    reply = next;
    bytesSent.set(0);
  }

  /** Body bytes written for the current reply before the client stopped reading. */
  long bytesSent() {
    return bytesSent.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connection.setSoTimeout(5_000);
        readRequest(connection.getInputStream());
        write(reply, connection.getOutputStream());
      } catch (IOException clientGoneOrClosed) {
        // the client stopped reading (limit reached, timeout), or the server is closing
      }
    }
  }

  private static void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      byte[] h = head.toByteArray();
      int n = h.length;
      if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
        break;
      }
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    int at = headers.indexOf("content-length:");
    if (at >= 0) {
      int end = headers.indexOf('\r', at);
      long length = Long.parseLong(headers.substring(at + 15, end).trim());
      in.readNBytes((int) length);
    }
  }

  private void write(Reply r, OutputStream out) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(" X\r\n");
    if (r.contentType() != null) {
      head.append("Content-Type: ").append(r.contentType()).append("\r\n");
    }
    head.append("Connection: close\r\n");
    long declared = r.shape() == Shape.CUT_SHORT ? r.body().length + 100L : r.body().length;
    if (r.shape() != Shape.ENDLESS) {
      head.append("Content-Length: ").append(declared).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    if (r.shape() == Shape.ENDLESS) {
      // no Content-Length and Connection: close: the body runs until the connection ends
      byte[] chunk = r.body().length == 0 ? new byte[] {' '} : r.body();
      while (bytesSent.get() < ENDLESS_BYTES) {
        out.write(chunk);
        bytesSent.addAndGet(chunk.length);
      }
    } else {
      out.write(r.body());
      bytesSent.addAndGet(r.body().length);
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
