package dev.tokenrefresh.it.support;

import dev.tokenrefresh.it.app.EchoServlet;
import dev.tokenrefresh.it.app.PlainTextBody;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Properties;

/**
 * What {@link EchoServlet} answered: the access token the filter handed the application (empty for
 * none) and how the request reached the servlet. For any status but 200 both are empty.
 *
 * @param status the HTTP status
 * @param accessToken the access token, empty when the request carried none
 * @param dispatcher {@code REQUEST}, or {@code ASYNC} after the filter suspended the request
 */
public record Echo(int status, String accessToken, String dispatcher) {

  /** Reads an answer of {@link EchoServlet} (or of the filter in its place). */
  public static Echo of(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      return new Echo(response.statusCode(), "", "");
    }
    Properties body = new Properties();
    try {
      body.load(new StringReader(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Echo(
        200,
        body.getProperty(PlainTextBody.ACCESS_TOKEN, ""),
        body.getProperty(PlainTextBody.DISPATCHER, ""));
  }

  @Override
  public String toString() {
    return "Echo["
        + status
        + ", access#"
        + Integer.toHexString(accessToken.hashCode())
        + ", "
        + dispatcher
        + "]";
  }
}
