package dev.tokenrefresh.it;

import static dev.tokenrefresh.jakarta.metrics.MetricNames.IDP_READY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.it.support.IdpReplies;
import dev.tokenrefresh.it.support.LateDiscovery;
import dev.tokenrefresh.it.support.MockIdp;
import dev.tokenrefresh.it.support.Poll;
import dev.tokenrefresh.it.support.TestApp;
import dev.tokenrefresh.it.support.UserSession;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The application deploys while its identity provider is down (discovery refused), serves requests
 * whose tokens are valid, answers those that need a refresh 503 {@code idp_not_ready} with {@code
 * Retry-After}, and refreshes as soon as the provider answers, without a redeploy.
 */
class IdpDownAtDeployIT extends ContainerIT {

  /** Longer than the discovery retry's largest backoff (30 s) plus a refresh. */
  private static final Duration PROVIDER_FOUND_WITHIN = Duration.ofSeconds(45);

  private static final LateDiscovery PROVIDER = LateDiscovery.reserve();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return deployment(
        "token-refresh-idp-down.war",
        Map.of(
            "token-refresh.oidc.token-endpoint",
            "",
            "token-refresh.oidc.issuer",
            PROVIDER.issuer().toString(),
            // ID tokens are validated (discovered JWK set): a refresh may fetch the JWK set after
            // the token request, so twice connect plus read (1 s + 4 s) must fit the timeout.
            "token-refresh.timeout",
            "11s"));
  }

  @ArquillianResource URL base;

  @AfterAll
  static void stopProvider() {
    PROVIDER.close();
  }

  @Test
  void providerDownAtDeploy_refreshesWaitWith503_untilItAnswers_thenTheFirstRefreshSucceeds() {
    MockIdp idp = MockIdp.shared();
    idp.reset();
    // Refreshed tokens without an ID token: the mock's would name its own issuer, not this one.
    idp.answerEveryRefresh(IdpReplies.freshTokens());
    TestApp app = new TestApp(base);
    UserSession valid = app.login(idp.login(), TestApp.VALID);
    UserSession expired = app.loginExpired();

    assertThat(valid.get("/echo").statusCode()).as("a valid token is untouched").isEqualTo(200);
    HttpResponse<String> waiting = expired.get("/echo");
    assertThat(waiting.statusCode()).isEqualTo(503);
    assertThat(waiting.body()).isEqualTo("{\"error\":\"idp_not_ready\"}");
    assertThat(waiting.headers().firstValue("Retry-After")).isPresent();
    assertThat(Long.parseLong(waiting.headers().firstValue("Retry-After").get()))
        .isBetween(1L, 30L);
    assertThat(app.metrics().gauge(IDP_READY)).isZero();
    assertThat(idp.refreshCalls()).as("no refresh is tried without the provider").isZero();

    PROVIDER.open();
    int status =
        Poll.until(
            "the first refresh after the provider came up",
            PROVIDER_FOUND_WITHIN,
            Duration.ofMillis(500),
            () -> expired.get("/echo").statusCode(),
            s -> s != 503);
    assertThat(status).isEqualTo(200);
    assertThat(idp.refreshCalls()).as("the first refresh succeeded at its first call").isEqualTo(1);
    assertThat(app.metrics().gauge(IDP_READY)).isEqualTo(1);
    assertThat(valid.get("/echo").statusCode()).isEqualTo(200);
  }
}
