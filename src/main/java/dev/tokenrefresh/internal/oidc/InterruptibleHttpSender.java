package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends Nimbus HTTP requests (token requests, JWK set downloads) with the JDK {@link HttpClient}
 * instead of Nimbus's default {@code HttpURLConnection}, which ignores interrupts: the coordinator
 * interrupts a call that outlives its timeout, and the call must then end at once. Each exchange is
 * bounded by the connect timeout, by the read timeout (until the headers arrive) and by their sum
 * overall; the body by a byte limit. Thread-safe: one instance is shared by all calls.
 */
final class InterruptibleHttpSender implements HTTPRequestSender, ResourceRetriever {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final Duration readTimeout;
  private final Duration deadline;
  private final int maxBodyBytes;

  InterruptibleHttpSender(Duration connectTimeout, Duration readTimeout, int maxBodyBytes) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.readTimeout = readTimeout;
    this.deadline = connectTimeout.plus(readTimeout);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(readTimeout);
    for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
        header.getValue().forEach(value -> builder.header(header.getKey(), value));
      }
    }
    String body = request.getBody();
    builder.method(
        request.getMethod().name(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> answer = exchange(builder.build());
    HTTPResponse response = new HTTPResponse(answer.statusCode());
    answer
        .headers()
        .map()
        .forEach((name, values) -> response.setHeader(name, values.toArray(String[]::new)));
    response.setBody(answer.body());
    return response;
  }

  /** Downloads a JWK set (GET); any status but 200 is an I/O failure. */
  @Override
  public Resource retrieveResource(URL url) throws IOException {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(url.toURI()).timeout(readTimeout).GET().build();
    } catch (java.net.URISyntaxException e) {
      throw new IOException("invalid URL " + url, e);
    }
    HttpResponse<String> answer = exchange(request);
    if (answer.statusCode() != 200) {
      throw new IOException("HTTP " + answer.statusCode() + " from " + url);
    }
    return new Resource(answer.body(), answer.headers().firstValue("Content-Type").orElse(null));
  }

  private HttpResponse<String> exchange(HttpRequest request) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      // Cancelled before it started: do not send a request nobody waits for.
      throw new InterruptedIOException("interrupted before the request was sent");
    }
    CompletableFuture<HttpResponse<String>> exchange =
        client.sendAsync(request, info -> new BoundedBodySubscriber(maxBodyBytes));
    try {
      return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the identity provider");
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + deadline);
    } catch (ExecutionException e) {
      throw asIoException(e.getCause());
    }
  }

  private static IOException asIoException(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ResponseTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    if (failure instanceof IOException io) {
      return io;
    }
    return new IOException(failure.getClass().getSimpleName(), failure);
  }
}
