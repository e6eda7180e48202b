package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.internal.oidc.LoopbackReplies.Reply;
import dev.tokenrefresh.internal.oidc.LoopbackReplies.Shape;
import dev.tokenrefresh.property.Gen;
import dev.tokenrefresh.property.Tries;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever the issuer serves as its discovery document, discovery gives the endpoints of the
 * configured issuer or fails with an {@link IllegalStateException} naming {@code
 * token-refresh.oidc.issuer}: never another exception, never another issuer's endpoints, never an
 * unbounded read.
 */
class ProviderDiscoveryPropertyTest {

  private static final String KEY = "token-refresh.oidc.issuer";

  private static LoopbackReplies server;
  private static URI issuer;
  private final ProviderDiscovery discovery =
      new ProviderDiscovery(Duration.ofSeconds(2), Duration.ofSeconds(2));

  @BeforeAll
  static void start() throws IOException {
    server = new LoopbackReplies();
    issuer = server.uri("/realms/demo");
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void discover_ofAnyDocument_givesTheIssuersEndpointsOrFailsNamingTheKey() {
    Tries.run(
        400,
        r -> {
          String document = document(r);
          int status = Gen.chance(r, 0.8) ? 200 : Gen.oneOf(r, 301, 404, 500, 503);
          server.answer(
              new Reply(
                  status,
                  Gen.oneOf(r, "application/json", "text/html", "application/jwk-set+json"),
                  document.getBytes(StandardCharsets.UTF_8),
                  Gen.chance(r, 0.05) ? Shape.CUT_SHORT : Shape.WHOLE));
          ProviderEndpoints endpoints;
          try {
            endpoints = discovery.discover(issuer);
          } catch (IllegalStateException failure) {
            assertThat(failure).hasMessageStartingWith(KEY + " " + issuer);
            return;
          }
          assertThat(status).isEqualTo(200);
          assertThat(endpoints.issuer()).isEqualTo(issuer);
          assertThat(endpoints.tokenEndpoint().isAbsolute()).isTrue();
          assertThat(endpoints.jwksUri().isAbsolute()).isTrue();
        });
  }

  /**
   * Bounded memory: a discovery document that never ends fails naming the key, having read a
   * bounded part of it.
   */
  @Test
  void discover_ofAnEndlessDocument_failsWithoutReadingItAll() {
    server.answer(
        new Reply(
            200,
            "application/json",
            "{\"issuer\":\"x\",".repeat(512).getBytes(StandardCharsets.UTF_8),
            Shape.ENDLESS));
    try {
      discovery.discover(issuer);
      throw new AssertionError("an endless document was accepted");
    } catch (IllegalStateException failure) {
      assertThat(failure).hasMessageStartingWith(KEY);
    }
    assertThat(server.bytesSent()).isLessThan(LoopbackReplies.ENDLESS_BYTES / 4);
  }

  private static String document(Random r) {
    if (Gen.chance(r, 0.1)) {
      return Gen.either(r, x -> Gen.text(x, 300), x -> "{\"issuer\":\"" + issuer + "\"");
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(
        "issuer",
        Gen.oneOf(
            r,
            issuer.toString(),
            issuer.toString(),
            issuer + "/",
            "http://127.0.0.1:1/realms/other",
            Gen.text(r, 40)));
    putSometimes(r, doc, "token_endpoint", endpoint(r, "/token"));
    putSometimes(r, doc, "jwks_uri", endpoint(r, "/certs"));
    putSometimes(r, doc, "authorization_endpoint", endpoint(r, "/auth"));
    putSometimes(r, doc, "response_types_supported", list(r, "code"));
    putSometimes(r, doc, "subject_types_supported", list(r, "public"));
    putSometimes(r, doc, "id_token_signing_alg_values_supported", list(r, "RS256"));
    for (int i = r.nextInt(3); i > 0; i--) {
      doc.put(Gen.alnum(r, 1 + r.nextInt(10)), Gen.text(r, 50));
    }
    String json = JsonText.of(doc);
    return Gen.chance(r, 0.1) ? json.substring(0, r.nextInt(json.length() + 1)) : json;
  }

  private static void putSometimes(Random r, Map<String, Object> doc, String key, Object value) {
    if (Gen.chance(r, 0.85)) {
      doc.put(key, value);
    }
  }

  private static Object endpoint(Random r, String path) {
    return switch (r.nextInt(6)) {
      case 0 -> Gen.text(r, 60);
      case 1 -> r.nextInt();
      case 2 -> Gen.oneOf(r, "//evil.example" + path, "ftp://127.0.0.1" + path, "relative" + path);
      default -> issuer + "/protocol/openid-connect" + path;
    };
  }

  private static Object list(Random r, String usual) {
    return Gen.chance(r, 0.8) ? List.of(usual) : Gen.either(r, x -> Gen.text(x, 20), x -> 5);
  }
}
