package dev.tokenrefresh.internal.oidc.login;

import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.internal.oidc.TokenRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Accepts a Back-Channel Logout 1.0 logout token: bounded in size, its signature and claims checked
 * by the {@link Verifier} (signature, {@code iss}, {@code aud}, {@code events}, {@code sid} and/or
 * {@code sub}, no {@code nonce}), issued within {@code maxAge} (and not in the future beyond the
 * clock skew), and its {@code jti} never seen before. Every refusal is a {@link LoginFailure} 400
 * {@code invalid_request} (the spec's answer), whose message names the check and never the token.
 * Thread-safe.
 */
public final class BackChannelLogout {

  /** The clock difference tolerated between the provider and this server. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** The longest {@code jti} remembered; a longer one is refused. */
  static final int MAX_JTI = 256;

  /** Checks signature and claims: {@code NimbusTokenEndpoint::verifyLogoutToken}. */
  @FunctionalInterface
  public interface Verifier {
    /**
     * @throws TokenRejectedException when a check fails
     * @throws IdpFaultException when the keys cannot be fetched
     */
    LogoutTokenClaimsSet verify(String logoutToken);
  }

  private final Verifier verifier;
  private final int maxTokenSize;
  private final Duration maxAge;
  private final ReplayCache replays;
  private final Clock clock;

  /**
   * @param verifier checks signature and claims
   * @param maxTokenSize the most characters a logout token may have
   * @param maxAge how old its {@code iat} may be
   * @param replays the accepted {@code jti}s
   * @param clock the wall clock {@code iat} is compared with
   */
  public BackChannelLogout(
      Verifier verifier, int maxTokenSize, Duration maxAge, ReplayCache replays, Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.maxTokenSize = maxTokenSize;
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.replays = Objects.requireNonNull(replays, "replays");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @return what to end
   * @throws LoginFailure 400 {@code invalid_request} for any invalid, replayed or unverifiable
   *     token
   */
  public LogoutEvent accept(String logoutToken) {
    if (logoutToken == null || logoutToken.isBlank()) {
      throw refused("no logout_token");
    }
    if (logoutToken.length() > maxTokenSize) {
      throw refused("logout token larger than " + maxTokenSize + " characters");
    }
    LogoutTokenClaimsSet claims;
    try {
      claims = verifier.verify(logoutToken);
    } catch (TokenRejectedException e) {
      throw refused(e.getMessage());
    } catch (IdpFaultException e) {
      throw refused("the provider's keys could not be fetched");
    }
    Instant issuedAt = claims.getIssueTime().toInstant();
    Instant now = clock.instant();
    if (issuedAt.isBefore(now.minus(maxAge))) {
      throw refused("logout token issued more than " + maxAge + " ago");
    }
    if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw refused("logout token issued in the future");
    }
    String jti = claims.getJWTID() == null ? null : claims.getJWTID().getValue();
    if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI) {
      throw refused("logout token without a usable jti");
    }
    switch (replays.use(jti)) {
      case REPLAYED -> throw refused("logout token replayed (jti seen before)");
      case FULL -> throw refused("too many recent logout tokens to remember another");
      case FIRST -> {}
    }
    String sid = claims.getSessionID() == null ? null : claims.getSessionID().getValue();
    String sub = claims.getSubject() == null ? null : claims.getSubject().getValue();
    return new LogoutEvent(sid, sub);
  }

  private static LoginFailure refused(String why) {
    return new LoginFailure(400, "invalid_request", "back-channel logout refused: " + why);
  }
}
