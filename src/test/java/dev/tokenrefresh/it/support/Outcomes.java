package dev.tokenrefresh.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;

/** Assertions on the filter's own answers (README, "HTTP outcomes"). */
public final class Outcomes {

  private Outcomes() {}

  /**
   * Asserts the documented answer: {@code status}, exactly the body {@code {"error":"<error>"}} as
   * JSON (so no message, stack trace or token), and {@code Cache-Control: no-store}.
   *
   * @return the {@code Retry-After} seconds, if any
   */
  public static Optional<Long> assertOutcome(HttpResponse<String> r, int status, String error) {
    assertThat(r.statusCode()).as("status of %s", r.body()).isEqualTo(status);
    assertThat(r.body()).isEqualTo("{\"error\":\"" + error + "\"}");
    assertThat(r.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    return r.headers().firstValue("Retry-After").map(Long::parseLong);
  }

  /** The {@code error} of a filter answer, or the empty string for another body. */
  public static String error(HttpResponse<String> r) {
    String body = r.body();
    return body.startsWith("{\"error\":\"") && body.endsWith("\"}")
        ? body.substring(10, body.length() - 2)
        : "";
  }
}
