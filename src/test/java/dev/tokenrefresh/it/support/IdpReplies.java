package dev.tokenrefresh.it.support;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Canned identity-provider answers for the failure scenarios. */
public final class IdpReplies {

  private static final String JSON = "application/json";

  private IdpReplies() {}

  /** 503 with a plain-text body: a provider that is down. */
  public static IdpStep unavailable() {
    return IdpStep.reply(503, "text/plain", "Service Unavailable");
  }

  /** 500 with an OAuth error body and no {@code Retry-After}. */
  public static IdpStep serverError() {
    return IdpStep.reply(500, JSON, "{\"error\":\"server_error\"}");
  }

  /** 503 saying when to come back ({@code Retry-After: 120}). */
  public static IdpStep unavailableRetryAfter() {
    return unavailable().withHeader("Retry-After", "120");
  }

  /** The OAuth error {@code temporarily_unavailable} (RFC 6749, 4.1.2.1), on a 400. */
  public static IdpStep temporarilyUnavailable() {
    return IdpStep.reply(400, JSON, "{\"error\":\"temporarily_unavailable\"}");
  }

  /** 200 with bytes that are no JSON at all. */
  public static IdpStep garbage() {
    return IdpStep.reply(200, JSON, "\u0000\u00ff}{garbage\"]");
  }

  /** 302 to the token endpoint itself: followed, it would be a second refresh call. */
  public static IdpStep redirectTo(String location) {
    return IdpStep.reply(302, "text/plain", "").withHeader("Location", location);
  }

  /** {@code invalid_grant}: the refresh token is dead. */
  public static IdpStep invalidGrant() {
    return IdpStep.reply(400, JSON, "{\"error\":\"invalid_grant\"}");
  }

  /** {@code invalid_client}: the provider does not accept this client's credentials. */
  public static IdpStep invalidClient() {
    return IdpStep.reply(401, JSON, "{\"error\":\"invalid_client\"}")
        .withHeader("WWW-Authenticate", "Basic realm=\"idp\"");
  }

  /** 200 with an HTML page where the token response should be. */
  public static IdpStep notJson() {
    return IdpStep.reply(200, "text/html", "<html><body>Gateway says hello</body></html>");
  }

  /** 200 with a JSON body that lacks the access token. */
  public static IdpStep withoutAccessToken() {
    return IdpStep.reply(
        200, JSON, "{\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"rt-x\"}");
  }

  /** 200 with {@code accessToken} as the access token (e.g. one too large to accept). */
  public static IdpStep accessTokenOf(String accessToken) {
    return IdpStep.reply(
        200,
        JSON,
        "{\"access_token\":\""
            + accessToken
            + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"rt-"
            + UUID.randomUUID()
            + "\"}");
  }

  /** 200 with well-formed new tokens that expire in five minutes. */
  public static IdpStep freshTokens() {
    return IdpStep.replyEach(
        200,
        JSON,
        () ->
            "{\"access_token\":\"at-"
                + UUID.randomUUID()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"rt-"
                + UUID.randomUUID()
                + "\"}");
  }

  /**
   * 200 with new tokens whose access token is a JWT that expired a minute ago, and no {@code
   * expires_in}: a provider (or a skewed clock) that makes every refresh need another one.
   */
  public static IdpStep alreadyExpiredTokens() {
    return IdpStep.replyEach(
        200,
        JSON,
        () -> {
          String accessToken =
              new PlainJWT(
                      new JWTClaimsSet.Builder()
                          .subject("loop")
                          .jwtID(UUID.randomUUID().toString())
                          .expirationTime(Date.from(Instant.now().minusSeconds(60)))
                          .build())
                  .serialize();
          return "{\"access_token\":\""
              + accessToken
              + "\",\"token_type\":\"Bearer\",\"refresh_token\":\"rt-"
              + UUID.randomUUID()
              + "\"}";
        });
  }
}
