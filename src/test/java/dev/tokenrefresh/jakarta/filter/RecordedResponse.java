package dev.tokenrefresh.jakarta.filter;

import dev.tokenrefresh.core.support.StandIn;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A response that records what the filter answers (status, headers, body) and refuses any call the
 * filter's answer does not make. Thread-safe.
 */
final class RecordedResponse {

  final AtomicInteger status = new AtomicInteger();
  final Map<String, String> headers = new ConcurrentHashMap<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ServletOutputStream body =
      new ServletOutputStream() {
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
      };

  final HttpServletResponse response =
      StandIn.of(
          HttpServletResponse.class,
          (proxy, method, args) ->
              switch (method.getName()) {
                case "setStatus" -> {
                  status.set((Integer) args[0]);
                  yield null;
                }
                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                case "isCommitted" -> false;
                case "getOutputStream" -> body;
                case "resetBuffer",
                    "setContentType",
                    "setCharacterEncoding",
                    "setContentLength",
                    "flushBuffer" ->
                    null;
                default -> throw new UnsupportedOperationException(method.getName());
              });

  /** What was written to the body so far, as UTF-8. */
  String body() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
