package dev.tokenrefresh.it.support;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import okhttp3.Headers;

/**
 * How the mock identity provider answers one refresh-token grant: passed through to
 * mock-oauth2-server (which rotates the refresh token), or a canned reply; either after an optional
 * delay or {@link Hold}. Immutable and thread-safe.
 */
public final class IdpStep {

  private static final IdpStep PASS_THROUGH = new IdpStep(null, Duration.ZERO, null);

  /** The reply, made per call from its request; {@code null} to let mock-oauth2-server answer. */
  private final Function<OAuth2HttpRequest, OAuth2HttpResponse> reply;

  private final Duration delay;
  private final Hold hold;

  private IdpStep(
      Function<OAuth2HttpRequest, OAuth2HttpResponse> reply, Duration delay, Hold hold) {
    this.reply = reply;
    this.delay = delay;
    this.hold = hold;
  }

  /** mock-oauth2-server answers: new tokens, the refresh token rotated. */
  public static IdpStep passThrough() {
    return PASS_THROUGH;
  }

  /** A canned reply. */
  public static IdpStep reply(int status, String contentType, String body) {
    return replyEach(status, contentType, () -> body);
  }

  /** A canned reply whose body is made afresh for each call. */
  public static IdpStep replyEach(int status, String contentType, Supplier<String> body) {
    return new IdpStep(
        request ->
            new OAuth2HttpResponse(
                Headers.of("Content-Type", contentType, "Cache-Control", "no-store"),
                status,
                body.get(),
                null),
        Duration.ZERO,
        null);
  }

  /**
   * A reply made by {@code answer} from the request itself (its form body), e.g. by a provider
   * model of the test's own that rotates refresh tokens. Runs on the mock server's connection
   * thread, after any hold or delay.
   */
  public static IdpStep answeredBy(Function<OAuth2HttpRequest, OAuth2HttpResponse> answer) {
    return new IdpStep(answer, Duration.ZERO, null);
  }

  /** This step's reply with the header {@code name: value} added. */
  public IdpStep withHeader(String name, String value) {
    Function<OAuth2HttpRequest, OAuth2HttpResponse> base = reply;
    return new IdpStep(
        request -> {
          OAuth2HttpResponse r = base.apply(request);
          return new OAuth2HttpResponse(
              r.getHeaders().newBuilder().add(name, value).build(),
              r.getStatus(),
              r.getBody(),
              r.getBytesBody());
        },
        delay,
        hold);
  }

  /** This step, answered {@code delay} late. */
  public IdpStep after(Duration delay) {
    return new IdpStep(reply, delay, hold);
  }

  /** This step, answered once {@code hold} is released. */
  public IdpStep heldBy(Hold hold) {
    return new IdpStep(reply, delay, hold);
  }

  /** Waits for the hold and the delay; runs on the mock server's connection thread. */
  void awaitTurn() {
    if (hold != null) {
      hold.await();
    }
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  boolean replies() {
    return reply != null;
  }

  OAuth2HttpResponse reply(OAuth2HttpRequest request) {
    return reply.apply(request);
  }

  /** The answer for a request whose step a {@code reset} dropped between match and invoke. */
  static OAuth2HttpResponse lost() {
    return new OAuth2HttpResponse(
        Headers.of("Content-Type", "text/plain"), 500, "step dropped by a reset", null);
  }
}
