package dev.tokenrefresh.bench.throughput;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A logged-in session of one variant: its cookie header and the URL wrk requests. The cookie is
 * never printed.
 *
 * @param url the benchmarked endpoint ({@code /api/me})
 * @param cookie the {@code Cookie} header value
 */
record BenchSession(URI url, String cookie) {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /**
   * Logs in ({@code POST /login}) and checks one request: 200, and the filter exposed a token
   * exactly when the variant has the module.
   */
  static BenchSession login(URI base, Variant variant) throws IOException, InterruptedException {
    HttpResponse<Void> login =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    List<String> setCookies = login.headers().allValues("Set-Cookie");
    if (login.statusCode() != 204 || setCookies.isEmpty()) {
      throw new IllegalStateException(variant + ": login answered " + login.statusCode());
    }
    String cookie =
        setCookies.stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
    BenchSession session = new BenchSession(URI.create(base + "/api/me"), cookie);
    session.check(variant);
    return session;
  }

  private void check(Variant variant) throws IOException, InterruptedException {
    HttpResponse<String> me =
        CLIENT.send(
            HttpRequest.newBuilder(url).header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofString());
    boolean bearer = me.body().contains("\"bearer\":true");
    if (me.statusCode() != 200 || bearer != variant.exposesToken()) {
      throw new IllegalStateException(
          variant + ": /api/me answered " + me.statusCode() + ", bearer " + bearer);
    }
  }
}
