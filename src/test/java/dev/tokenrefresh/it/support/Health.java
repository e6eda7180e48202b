package dev.tokenrefresh.it.support;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * One reading of the server's MicroProfile Health readiness endpoint, reduced to one named check.
 * Immutable.
 *
 * @param httpStatus the endpoint's status (200 when every check is UP, 503 otherwise)
 * @param status the check's status, {@code UP} or {@code DOWN}
 * @param data the check's data
 */
public record Health(int httpStatus, String status, Map<String, Object> data) {

  /** Reads {@code endpoint} and picks the check {@code name}. */
  public static Health read(URI endpoint, String name) {
    HttpResponse<String> r =
        Http.send(HttpRequest.newBuilder(endpoint).header("Accept", "application/json").GET());
    try {
      Map<String, Object> body = JSONObjectUtils.parse(r.body());
      for (Object check : (List<?>) body.get("checks")) {
        Map<?, ?> c = (Map<?, ?>) check;
        if (name.equals(c.get("name"))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> data = (Map<String, Object>) c.get("data");
          return new Health(r.statusCode(), String.valueOf(c.get("status")), data);
        }
      }
      throw new AssertionError("no check named " + name + " at " + endpoint + ": " + r.body());
    } catch (ParseException | ClassCastException | NullPointerException e) {
      throw new AssertionError("not a health response at " + endpoint + ": " + r.body(), e);
    }
  }

  /** A number of the data (Payara renders data values as JSON strings, WildFly as numbers). */
  public long number(String key) {
    Object v = data.get(key);
    return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v));
  }

  /** A flag of the data, rendered as a JSON boolean or string. */
  public boolean flag(String key) {
    return Boolean.parseBoolean(String.valueOf(data.get(key)));
  }
}
