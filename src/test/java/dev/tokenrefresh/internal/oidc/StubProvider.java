package dev.tokenrefresh.internal.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A token endpoint on 127.0.0.1 that gives one canned answer, for the faults a real provider will
 * not produce on demand. {@link #hold()} makes it hold the answer until the stub is closed.
 */
final class StubProvider implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);
  private final CountDownLatch requestArrived = new CountDownLatch(1);
  private volatile int status = 200;
  private volatile String contentType = "application/json";
  private volatile String body = "{}";
  private volatile boolean hold;
  private volatile String jwks = "{\"keys\":[]}";
  private volatile String lastRequestBody;
  private volatile String lastAuthorization;

  private StubProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::answerToken);
    server.createContext("/jwks", exchange -> write(exchange, 200, "application/json", jwks));
    server.setExecutor(executor);
    server.start();
  }

  static StubProvider start() throws IOException {
    return new StubProvider();
  }

  URI issuer() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  URI tokenEndpoint() {
    return URI.create(issuer() + "/token");
  }

  URI jwksUri() {
    return URI.create(issuer() + "/jwks");
  }

  StubProvider answer(int status, String json) {
    return answer(status, "application/json", json);
  }

  StubProvider answer(int status, String contentType, String body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    return this;
  }

  StubProvider hold() {
    this.hold = true;
    return this;
  }

  StubProvider serveJwks(String json) {
    this.jwks = json;
    return this;
  }

  boolean awaitRequest() throws InterruptedException {
    return requestArrived.await(5, TimeUnit.SECONDS);
  }

  boolean receivedRequest() {
    return requestArrived.getCount() == 0;
  }

  String lastRequestBody() {
    return lastRequestBody;
  }

  String lastAuthorization() {
    return lastAuthorization;
  }

  private void answerToken(HttpExchange exchange) throws IOException {
    lastRequestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
    requestArrived.countDown();
    if (hold) {
      try {
        released.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    write(exchange, status, contentType, body);
  }

  private static void write(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(status, bytes.length);
      out.write(bytes);
    } catch (IOException clientGone) {
      // The client timed out or was interrupted and closed the connection: expected.
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
