package dev.tokenrefresh.internal.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.GrantRevokedException;
import dev.tokenrefresh.core.error.IdpFaultException;
import dev.tokenrefresh.core.error.RefreshException;
import dev.tokenrefresh.core.token.TokenSet;
import dev.tokenrefresh.internal.core.TokenEndpoint;
import dev.tokenrefresh.oidc.ClientAuthenticator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link TokenEndpoint} of a real OAuth 2.0 / OpenID Connect provider: one {@code
 * refresh_token} grant per call with Nimbus's OAuth 2.0 SDK, authenticated as configured.
 *
 * <p>Outcomes: {@code invalid_grant} is a {@link
 * dev.tokenrefresh.core.error.GrantRevokedException}; HTTP 5xx, {@code temporarily_unavailable},
 * I/O failures (including timeouts and an interrupted thread) and malformed answers (unparsable, no
 * access token, a token larger than {@code max-token-size}, an invalid ID token) are {@link
 * IdpFaultException}s; only a refused connection is marked {@linkplain
 * IdpFaultException#requestNotSent() not sent}. {@code invalid_client} and {@code
 * unauthorized_client} are {@link FaultKind#CLIENT_REJECTED}, logged at WARNING. Any other OAuth
 * error is {@link FaultKind#UNEXPECTED}. No message or log line carries a token, the secret or the
 * body.
 *
 * <p>A refreshed ID token is validated against the configured JWK set. <strong>Without {@code
 * token-refresh.oidc.jwks-uri}, refreshed ID tokens are passed on unvalidated</strong>; the Jakarta
 * layer always configures one when it uses discovery.
 *
 * <p>Thread-safe: one instance serves all sessions. The HTTP exchange runs on the JDK HTTP client,
 * so interrupting the calling thread ends the call at once.
 */
public final class NimbusTokenEndpoint implements TokenEndpoint {

  private static final Logger LOG = Logger.getLogger(NimbusTokenEndpoint.class.getName());

  /** Room in the body limit for the JSON around the tokens (scope, token type, custom fields). */
  private static final int BODY_OVERHEAD_BYTES = 8 * 1024;

  private final OidcClientSettings settings;
  private final Clock clock;
  private final InterruptibleHttpSender sender;
  private final ClientAuthenticator clientAuth;
  private final TokenSetAssembler assembler;
  private final IdTokenVerifier idTokens;
  private final LogoutTokenVerifier logoutTokens;

  /**
   * @param settings where the token endpoint is and how to authenticate to it
   * @param clock the source of each token set's {@code issuedAt}
   */
  public NimbusTokenEndpoint(OidcClientSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sender =
        new InterruptibleHttpSender(
            settings.connectTimeout(),
            settings.readTimeout(),
            4 * settings.maxTokenSize() + BODY_OVERHEAD_BYTES);
    this.clientAuth = settings.authenticator(clock);
    this.idTokens = new IdTokenVerifier(settings, sender);
    this.logoutTokens = new LogoutTokenVerifier(settings, idTokens.keys());
    if (!this.idTokens.enabled()) {
      LOG.fine("no token-refresh.oidc.jwks-uri: refreshed ID tokens are not validated");
    }
    this.assembler =
        new TokenSetAssembler(idTokens, settings.defaultTokenLifetime(), settings.maxTokenSize());
  }

  @Override
  public TokenSet refresh(TokenSet current) {
    Instant issuedAt = clock.instant();
    try {
      HTTPResponse response = send(request(current));
      TokenResponse parsed = parse(response);
      if (!parsed.indicatesSuccess()) {
        throw TokenErrorClassifier.classify(
            parsed.toErrorResponse().getErrorObject(), response.getStatusCode());
      }
      return assembler.assemble(parsed.toSuccessResponse().getTokens(), current, issuedAt);
    } catch (RefreshException failure) {
      if (failure instanceof IdpFaultException fault && fault.kind() == FaultKind.CLIENT_REJECTED) {
        // an operator's problem, not a user's: say it where operators look
        LOG.log(
            Level.WARNING,
            "the identity provider rejected this client ({0}): check token-refresh.oidc.client-id,"
                + " the client secret or key, and client-auth",
            failure.getMessage());
      } else {
        LOG.log(Level.FINE, "token refresh failed: {0}", failure.getMessage());
      }
      throw failure;
    }
  }

  /**
   * Builds the session's first {@link TokenSet} from the tokens of a login (the authorization-code
   * exchange), with the same checks as a refresh: token sizes, the ID token against the JWK set,
   * and the access token's expiry computed once.
   *
   * @throws IllegalArgumentException when the provider issued no refresh token, or a token is
   *     unusable (the message names no token)
   */
  public TokenSet fromLogin(Tokens tokens) {
    if (tokens.getRefreshToken() == null) {
      throw new IllegalArgumentException(
          "the provider issued no refresh token: enable refresh tokens for the client, or request"
              + " the offline_access scope");
    }
    try {
      return assembler.assemble(tokens, null, clock.instant());
    } catch (RefreshException e) {
      throw new IllegalArgumentException("login tokens rejected: " + e.getMessage(), e);
    }
  }

  /**
   * Redeems a login's authorization code (with its PKCE verifier and redirect URI) and validates
   * the ID token that comes back against the login's nonce. Redirects are not followed.
   *
   * @throws GrantRevokedException when the provider refuses the code ({@code invalid_grant}: used,
   *     expired or not this client's)
   * @throws TokenRejectedException when the ID token fails validation
   * @throws IdpFaultException when the provider fails, cannot be reached, or sends no ID token
   * @throws IllegalArgumentException when the provider issued no refresh token
   */
  public LoginTokens redeem(
      AuthorizationCode code, URI redirectUri, CodeVerifier verifier, Nonce nonce) {
    Instant issuedAt = clock.instant();
    HTTPResponse response = send(request(new AuthorizationCodeGrant(code, redirectUri, verifier)));
    TokenResponse parsed = parse(response);
    if (!parsed.indicatesSuccess()) {
      throw TokenErrorClassifier.classify(
          parsed.toErrorResponse().getErrorObject(), response.getStatusCode());
    }
    Tokens tokens = parsed.toSuccessResponse().getTokens();
    if (!(tokens instanceof OIDCTokens oidc) || oidc.getIDTokenString() == null) {
      throw IdpFaultException.of(
          FaultKind.MALFORMED_RESPONSE, "the token response has no ID token");
    }
    if (tokens.getRefreshToken() == null) {
      throw new IllegalArgumentException(
          "the provider issued no refresh token: enable refresh tokens for the client, or request"
              + " the offline_access scope");
    }
    IDTokenClaimsSet claims = idTokens.verifyLogin(oidc.getIDTokenString(), nonce);
    TokenSet first = assembler.assembleVerifiedLogin(tokens, oidc.getIDTokenString(), issuedAt);
    try {
      return new LoginTokens(first, claims.toJWTClaimsSet());
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new TokenRejectedException("the ID token's claims cannot be read");
    }
  }

  /**
   * Validates a Back-Channel Logout token's signature and claims (see {@link LogoutTokenVerifier});
   * the replay, age and size checks are the caller's.
   *
   * @throws TokenRejectedException when a check fails
   * @throws IdpFaultException when the JWK set cannot be fetched
   */
  public LogoutTokenClaimsSet verifyLogoutToken(String logoutToken) {
    return logoutTokens.verify(logoutToken);
  }

  private HTTPRequest request(TokenSet current) {
    return request(new RefreshTokenGrant(new RefreshToken(current.refreshToken())));
  }

  private HTTPRequest request(AuthorizationGrant grant) {
    Optional<ClientAuthentication> auth = authentication();
    TokenRequest.Builder builder =
        auth.isEmpty()
            ? new TokenRequest.Builder(settings.tokenEndpoint(), clientAuth.clientId(), grant)
            : new TokenRequest.Builder(settings.tokenEndpoint(), auth.get(), grant);
    HTTPRequest http = builder.build().toHTTPRequest();
    http.setConnectTimeout(millis(settings.connectTimeout().toMillis()));
    http.setReadTimeout(millis(settings.readTimeout().toMillis()));
    return http;
  }

  private HTTPResponse send(HTTPRequest request) {
    try {
      return request.send(sender);
    } catch (ResponseTooLargeException e) {
      throw IdpFaultException.of(FaultKind.MALFORMED_RESPONSE, e.getMessage());
    } catch (ConnectException e) {
      throw new IdpFaultException(FaultKind.IO, "connection refused", true, e);
    } catch (IOException e) {
      throw new IdpFaultException(FaultKind.IO, e.getClass().getSimpleName(), false, e);
    }
  }

  /** A 5xx is a server error whatever its body says, unless it says temporarily_unavailable. */
  private static TokenResponse parse(HTTPResponse response) {
    int status = response.getStatusCode();
    try {
      return OIDCTokenResponseParser.parse(response);
    } catch (ParseException | RuntimeException e) {
      // The parser's message may quote the body: keep neither it nor the exception.
      throw status >= 500
          ? IdpFaultException.of(FaultKind.SERVER_ERROR, "HTTP " + status)
          : IdpFaultException.of(
              FaultKind.MALFORMED_RESPONSE,
              "HTTP " + status + ", not a token response (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** An assertion that cannot be signed never leaves this process. */
  private Optional<ClientAuthentication> authentication() {
    try {
      return clientAuth.next();
    } catch (IllegalStateException e) {
      throw new IdpFaultException(FaultKind.UNEXPECTED, e.getMessage(), true, null);
    }
  }

  private static int millis(long value) {
    return (int) Math.min(Integer.MAX_VALUE, value);
  }

  /** The settings it was built with. */
  public OidcClientSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "NimbusTokenEndpoint[" + settings + "]";
  }
}
