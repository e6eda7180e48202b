package dev.tokenrefresh.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.support.FakeTime;
import dev.tokenrefresh.core.support.LogCapture;
import dev.tokenrefresh.core.support.Tokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery retried in the background until the provider answers. */
class DiscoveringTokenEndpointTest {

  private final FakeTime time = new FakeTime();
  private final AtomicInteger attempts = new AtomicInteger();
  private LogCapture log;
  private final NimbusTokenEndpoint reached =
      new NimbusTokenEndpoint(
          OidcClientSettings.builder()
              .tokenEndpoint(URI.create("http://127.0.0.1:1/token"))
              .clientId("client")
              .clientSecret("secret")
              .build(),
          Clock.systemUTC());

  @BeforeEach
  void captureLog() {
    log = LogCapture.of(DiscoveringTokenEndpoint.class);
  }

  @AfterEach
  void releaseLog() {
    log.close();
  }

  /** Fails {@code failures} times ("connection refused"), then finds the provider. */
  private DiscoveringTokenEndpoint failingFirst(int failures) {
    return new DiscoveringTokenEndpoint(
        "http://127.0.0.1:1/realm",
        () -> {
          if (attempts.incrementAndGet() <= failures) {
            throw new IllegalStateException("discovery failed (ConnectException)");
          }
          return reached;
        },
        time,
        Runnable::run,
        time);
  }

  @Test
  void start_whenTheProviderAnswers_isReadyAtOnceAndLogsNoWarning() {
    DiscoveringTokenEndpoint endpoint = failingFirst(0);
    endpoint.start();
    assertThat(endpoint.untilReady()).isEmpty();
    assertThat(endpoint.resolved()).contains(reached);
    assertThat(time.pendingTasks()).isZero();
    assertThat(log.records()).noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
  }

  @Test
  void start_whenTheProviderIsDown_retriesWithBackoffUntilItAnswers() {
    DiscoveringTokenEndpoint endpoint = failingFirst(3);
    endpoint.start();
    assertThat(endpoint.untilReady()).contains(Duration.ofSeconds(1));
    time.advance(Duration.ofMillis(400));
    assertThat(endpoint.untilReady()).contains(Duration.ofMillis(600));

    time.advance(Duration.ofMillis(600));
    assertThat(attempts).hasValue(2);
    assertThat(endpoint.untilReady()).contains(Duration.ofSeconds(2));
    time.advance(Duration.ofSeconds(2));
    assertThat(attempts).hasValue(3);
    assertThat(endpoint.untilReady()).contains(Duration.ofSeconds(4));
    time.advance(Duration.ofMillis(3999));
    assertThat(attempts).as("not before the backoff is over").hasValue(3);

    time.advance(Duration.ofMillis(1));
    assertThat(attempts).hasValue(4);
    assertThat(endpoint.untilReady()).isEmpty();
    assertThat(endpoint.resolved()).contains(reached);
    assertThat(time.pendingTasks()).as("no attempt after success").isZero();
  }

  @Test
  void start_whenTheProviderIsDown_warnsOncePerOutageSayingUnreachableNotInvalid() {
    DiscoveringTokenEndpoint endpoint = failingFirst(4);
    endpoint.start();
    for (int second = 0; second < 60; second++) {
      time.advance(Duration.ofSeconds(1));
    }
    assertThat(attempts).hasValue(5);
    assertThat(log.messages(Level.WARNING))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("identity provider unreachable (retrying in 1 s")
        .contains("ConnectException")
        .doesNotContainIgnoringCase("invalid");
    assertThat(log.records())
        .anyMatch(r -> r.getLevel() == Level.INFO && LogCapture.text(r).contains("reached"));
  }

  @Test
  void start_whenTheDiscoveredEndpointsAreRefused_warnsSayingRefusedNotUnreachable() {
    DiscoveringTokenEndpoint endpoint =
        new DiscoveringTokenEndpoint(
            "https://idp.example/realm",
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalArgumentException(
                    "token-refresh.oidc.token-endpoint must be https like the issuer"
                        + " (https://idp.example/realm), was http://idp.example/realm/token");
              }
              return reached;
            },
            time,
            Runnable::run,
            time);
    endpoint.start();

    assertThat(log.messages(Level.WARNING))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("endpoints were refused")
        .contains("token-refresh.oidc.token-endpoint must be https like the issuer")
        .doesNotContain("unreachable");
    assertThat(endpoint.untilReady()).isPresent();
  }

  @Test
  void refresh_beforeTheProviderIsReached_isANotSentFaultWithoutACall() {
    DiscoveringTokenEndpoint endpoint = failingFirst(1);
    endpoint.start();
    assertThatThrownBy(() -> endpoint.refresh(Tokens.expired()))
        .isInstanceOfSatisfying(
            IdpFaultException.class, e -> assertThat(e.requestNotSent()).isTrue());
  }

  @Test
  void stop_cancelsThePendingRetry() {
    DiscoveringTokenEndpoint endpoint = failingFirst(1);
    endpoint.start();
    endpoint.stop();
    time.advance(Duration.ofSeconds(60));
    assertThat(attempts).hasValue(1);
    assertThat(endpoint.resolved()).isEqualTo(Optional.empty());
  }

  @Test
  void delayAfter_doublesFromOneSecondAndStopsAtTheCap() {
    assertThat(
            List.of(1, 2, 3, 4, 5, 6, 7, 1000).stream()
                .map(DiscoveringTokenEndpoint::delayAfter)
                .map(Duration::toSeconds))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
  }
}
