package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshException;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.oidc.LoopbackReplies.Reply;
import dev.tokenrefresh.internal.oidc.LoopbackReplies.Shape;
import dev.tokenrefresh.property.Gen;
import dev.tokenrefresh.property.Tries;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever the token endpoint answers (any status, any content type, any JSON or none, truncated,
 * cut short of its length, endless), a refresh through the real client (Nimbus, {@link
 * TokenSetAssembler}, {@link BoundedBodySubscriber}) ends in new tokens that are usable on every
 * request, or in a {@link RefreshException} whose message carries no token: never another
 * exception, never a token over {@code max-token-size}, never more read than the body limit.
 */
class NimbusTokenEndpointPropertyTest {

  private static final int MAX_TOKEN_SIZE = 1024;
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final String SECRET = "client-secret-6f1c2a";
  private static final List<String> MARKERS = List.of("AT-", "RT-", "ID-");

  private static LoopbackReplies provider;
  private static NimbusTokenEndpoint endpoint;
  private static NimbusTokenEndpoint verifyingEndpoint;

  @BeforeAll
  static void startProvider() throws IOException {
    provider = new LoopbackReplies();
    OidcClientSettingsBuilder settings =
        OidcClientSettings.builder()
            .tokenEndpoint(provider.uri("/token"))
            .clientId("filter-client")
            .clientSecret(SECRET)
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(2))
            .maxTokenSize(MAX_TOKEN_SIZE);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    endpoint = new NimbusTokenEndpoint(settings.build(), clock);
    // the JWK set comes from the same server, which answers it with the same garbage
    verifyingEndpoint =
        new NimbusTokenEndpoint(
            settings.issuer(provider.uri("/")).jwksUri(provider.uri("/jwks")).build(), clock);
  }

  @AfterAll
  static void stopProvider() throws IOException {
    provider.close();
  }

  /**
   * Issue 13, finding 7 (an unbounded {@code expires_in}): before the fix, {@code expires_in} of
   * 10^16 was stored and {@code needsRefresh} then threw ArithmeticException on every request;
   * larger values escaped {@code refresh} as DateTimeException.
   */
  @Test
  void refresh_ofAnyAnswer_givesUsableTokensOrARefreshException() {
    Tries.run(
        600,
        r -> {
          Reply answer = answer(r);
          provider.answer(answer);
          String body = new String(answer.body(), StandardCharsets.UTF_8);
          TokenSet refreshed;
          try {
            refreshed = (Gen.chance(r, 0.3) ? verifyingEndpoint : endpoint).refresh(current());
          } catch (RefreshException failure) {
            String message = String.valueOf(failure.getMessage());
            assertThat(message).doesNotContain(SECRET).doesNotContain(current().refreshToken());
            secretsIn(body).forEach(s -> assertThat(message).doesNotContain(s));
            return;
          }
          assertThat(answer.status()).as("success only on 200").isEqualTo(200);
          assertThat(answer.shape()).isEqualTo(Shape.WHOLE);
          assertThat(refreshed.accessToken()).isNotBlank().hasSizeLessThanOrEqualTo(MAX_TOKEN_SIZE);
          assertThat(refreshed.refreshToken())
              .isNotBlank()
              .hasSizeLessThanOrEqualTo(MAX_TOKEN_SIZE);
          assertThat(refreshed.accessToken())
              .as("the access token the provider sent, and only visible ASCII (RFC 6749 A.12)")
              .isEqualTo(jsonString(body, "access_token"))
              .matches("[\\x20-\\x7E]+");
          assertThatCode(() -> refreshed.needsRefresh(NOW, Duration.ofSeconds(30)))
              .as("the stored expiry %s is usable", refreshed.accessTokenExpiresAt())
              .doesNotThrowAnyException();
        });
  }

  /**
   * Bounded memory: an answer that never ends is cut at the body limit ({@code 4 * max-token-size +
   * 8 KiB}); the server then cannot write on. Socket buffers take a few MiB; a client reading it
   * all would take the whole 64 MiB.
   */
  @Test
  void refresh_ofAnEndlessAnswer_stopsReadingAtTheBodyLimit() {
    Tries.run(
        6,
        r -> {
          byte[] chunk =
              Gen.oneOf(r, "{\"access_token\":\"AT-xxxxxxxx\",", "<html>", "\u0000 ")
                  .repeat(256)
                  .getBytes(StandardCharsets.UTF_8);
          provider.answer(new Reply(status(r), contentType(r), chunk, Shape.ENDLESS));
          try {
            endpoint.refresh(current());
            throw new AssertionError("an endless answer was accepted");
          } catch (IdpFaultException fault) {
            assertThat(fault.kind()).isIn(FaultKind.MALFORMED_RESPONSE, FaultKind.IO);
          }
          assertThat(provider.bytesSent()).isLessThan(LoopbackReplies.ENDLESS_BYTES / 4);
        });
  }

  /** A string member of a body the endpoint accepted, read by the OAuth SDK's own JSON parser. */
  private static String jsonString(String body, String member) {
    try {
      return String.valueOf(JSONObjectUtils.parse(body).get(member));
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new AssertionError("an accepted body that is not JSON: " + body, e);
    }
  }

  private static TokenSet current() {
    return new TokenSet("current-access-token-77de", "current-refresh-93ab", null, NOW, NOW);
  }

  /** The marked token values in a body: none may appear in an exception message. */
  private static List<String> secretsIn(String body) {
    List<String> found = new ArrayList<>();
    for (String marker : MARKERS) {
      for (int at = body.indexOf(marker); at >= 0; at = body.indexOf(marker, at + 1)) {
        if (at + 16 <= body.length()) {
          found.add(body.substring(at, at + 16));
        }
      }
    }
    return found;
  }

  private static Reply answer(Random r) {
    Shape shape = Gen.chance(r, 0.1) ? Shape.CUT_SHORT : Shape.WHOLE;
    return new Reply(status(r), contentType(r), body(r), shape);
  }

  private static int status(Random r) {
    double p = r.nextDouble();
    if (p < 0.6) {
      return 200;
    }
    return p < 0.9
        ? Gen.oneOf(r, 201, 204, 301, 302, 400, 401, 403, 429, 500, 503)
        : 100 + r.nextInt(500);
  }

  private static String contentType(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> null;
      case 1 -> Gen.printableAscii(r, r.nextInt(30));
      default ->
          Gen.oneOf(
              r,
              "application/json",
              "application/json; charset=UTF-8",
              "application/json;charset=ISO-8859-1",
              "text/html",
              "text/plain",
              "application/x-www-form-urlencoded");
    };
  }

  /** JSON token responses, mostly well formed, often truncated, sometimes not JSON at all. */
  private static byte[] body(Random r) {
    double p = r.nextDouble();
    String text;
    if (p < 0.6) {
      text = JsonText.of(tokenResponse(r));
    } else if (p < 0.8) {
      String json = JsonText.of(tokenResponse(r));
      text = json.substring(0, r.nextInt(json.length() + 1));
    } else if (p < 0.9) {
      text =
          Gen.chance(r, 0.5)
              ? Gen.text(r, 200)
              : Gen.oneOf(r, "", "null", "[]", "{}", "\"x\"", "42", "<html>down</html>");
    } else {
      byte[] raw = new byte[r.nextInt(300)];
      r.nextBytes(raw);
      return raw;
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> tokenResponse(Random r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      m.put(Gen.alnum(r, 1 + r.nextInt(8)), anyValue(r));
    }
    putSometimes(r, m, 0.9, "access_token", Gen.either(r, x -> token(x, "AT-"), x -> jwt(x)));
    putSometimes(r, m, 0.7, "refresh_token", Gen.either(r, x -> token(x, "RT-"), x -> anyValue(x)));
    putSometimes(r, m, 0.4, "id_token", Gen.either(r, x -> token(x, "ID-"), x -> jwt(x)));
    putSometimes(r, m, 0.9, "token_type", Gen.chance(r, 0.8) ? "Bearer" : anyValue(r));
    putSometimes(r, m, 0.7, "expires_in", expiresIn(r));
    putSometimes(
        r,
        m,
        0.2,
        "error",
        Gen.oneOf(r, "invalid_grant", "invalid_client", "temporarily_unavailable", "x\u0000"));
    if (Gen.chance(r, 0.1)) {
      m.put("access_token", anyValue(r)); // a number, a list, an object...
    }
    return m;
  }

  private static void putSometimes(
      Random r, Map<String, Object> m, double p, String key, Object value) {
    if (Gen.chance(r, p)) {
      m.put(key, value);
    }
  }

  /** A token of any size around the limit, with a marker to look for in messages. */
  private static Object token(Random r, String marker) {
    int length =
        switch (r.nextInt(4)) {
          case 0 -> MAX_TOKEN_SIZE - marker.length() + r.nextInt(3) - 1;
          case 1 -> MAX_TOKEN_SIZE + r.nextInt(4 * MAX_TOKEN_SIZE);
          default -> 13 + r.nextInt(30);
        };
    return marker + Gen.alnum(r, length);
  }

  /** An unsigned JWT whose {@code exp} is anything a long can hold, or absent. */
  private static Object jwt(Random r) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("alice");
    if (Gen.chance(r, 0.8)) {
      claims.claim("exp", Gen.anyLong(r));
    }
    return new PlainJWT(claims.build()).serialize();
  }

  private static Object expiresIn(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> (long) r.nextInt(100_010) - 10;
      case 1 -> Gen.anyLong(r);
      case 2 ->
          Gen.oneOf(
              r,
              new BigInteger("10000000000000000"),
              new BigInteger("1000000000000000000000"),
              new BigDecimal("1e300"),
              new BigDecimal("300.5"),
              new BigDecimal("-1e20"));
      default -> Gen.oneOf(r, "300", "", "soon");
    };
  }

  private static Object anyValue(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> Gen.text(r, 30);
      case 1 -> r.nextInt();
      case 2 -> r.nextBoolean();
      case 3 -> new BigDecimal("1e400");
      case 4 -> List.of(1, "two");
      default -> Map.of("nested", "object");
    };
  }
}
