package dev.tokenrefresh.it.support;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * The identity provider of the container tests: mock-oauth2-server in the test JVM on 127.0.0.1,
 * rotating refresh tokens, behind a {@link ScriptedTokenRoute} that counts refresh-token grants and
 * answers them as a test scripts.
 *
 * <p>Two issuers share the server, its route and its count: {@code idp}, the module's, whose tokens
 * live an hour (the tests plant their own expiry in the session), and {@code builtin}, for Payara's
 * built-in OpenID Connect client in the side-by-side test, whose tokens live {@link
 * #BUILT_IN_TOKEN_LIFETIME} because that client reads the expiry from the tokens themselves.
 *
 * <p>One instance per test JVM, started on first use: the deployment names its token endpoint in
 * {@code microprofile-config.properties}, so the provider runs before the WAR is built, on a port
 * fixed from then on. Stopped when the JVM exits. Thread-safe.
 */
public final class MockIdp {

  public static final String CLIENT_ID = "token-refresh-it";
  public static final String CLIENT_SECRET = "token-refresh-it-secret";
  private static final String ISSUER_ID = "idp";
  private static final String BUILT_IN_ISSUER_ID = "builtin";

  /** The issuer of the login mechanism's tests: one user, in one group, with one provider sid. */
  private static final String LOGIN_ISSUER_ID = "login";

  /** The {@code login} issuer's user ({@code sub} and {@code preferred_username}). */
  public static final String LOGIN_USER = "login-user";

  /** The {@code login} issuer's provider session id ({@code sid}). */
  public static final String LOGIN_SID = "login-sid";

  /** The {@code login} issuer's user's group ({@code groups}). */
  public static final String LOGIN_GROUP = "user";

  /** The group of every user of the {@code builtin} issuer ({@code groups} claim). */
  public static final String BUILT_IN_GROUP = "user";

  /** Lifetime of the tokens (access and ID) the {@code builtin} issuer issues unless told. */
  public static final Duration BUILT_IN_TOKEN_LIFETIME = Duration.ofSeconds(10);

  private static final URI REDIRECT = URI.create("http://127.0.0.1/callback");

  private static MockIdp shared;

  private final MockOAuth2Server server;
  private final ScriptedTokenRoute route = new ScriptedTokenRoute();
  private volatile Duration builtInLifetime = BUILT_IN_TOKEN_LIFETIME;

  /** Lifetime of the {@code idp} issuer's tokens (an hour unless a soak shortens it). */
  private static final Duration IDP_TOKEN_LIFETIME = Duration.ofHours(1);

  private volatile Duration idpLifetime = IDP_TOKEN_LIFETIME;

  private MockIdp() {
    DefaultOAuth2TokenCallback builtIn = new BuiltInTokens(this);
    DefaultOAuth2TokenCallback idp =
        new DefaultOAuth2TokenCallback(ISSUER_ID) {
          @Override
          public long tokenExpiry() {
            return idpLifetime.toSeconds();
          }
        };
    // not interactive (the authorize endpoint redirects straight back), rotating refresh tokens
    DefaultOAuth2TokenCallback login =
        new DefaultOAuth2TokenCallback(
            LOGIN_ISSUER_ID,
            LOGIN_USER,
            "JWT",
            List.of(CLIENT_ID),
            Map.of(
                "groups", List.of(LOGIN_GROUP),
                "sid", LOGIN_SID,
                "preferred_username", LOGIN_USER,
                "azp", CLIENT_ID),
            IDP_TOKEN_LIFETIME.toSeconds());
    OAuth2Config config =
        new OAuth2Config(
            false, null, null, true, new OAuth2TokenProvider(), Set.of(builtIn, idp, login));
    server = new MockOAuth2Server(config, route);
  }

  /** The provider of this JVM, started on the first call. */
  public static synchronized MockIdp shared() {
    if (shared == null) {
      MockIdp idp = new MockIdp();
      try {
        idp.server.start(InetAddress.getByName("127.0.0.1"), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(idp.server::shutdown, "mock-idp-stop"));
      shared = idp;
    }
    return shared;
  }

  /** The token endpoint the deployment is configured with. */
  public URI tokenEndpoint() {
    return server.tokenEndpointUrl(ISSUER_ID).uri();
  }

  /** The JWK set of the tokens the deployment's issuer signs. */
  public URI jwksUri() {
    return server.jwksUrl(ISSUER_ID).uri();
  }

  /** The issuer Payara's built-in client discovers its endpoints from (short-lived tokens). */
  public URI builtInIssuer() {
    return server.issuerUrl(BUILT_IN_ISSUER_ID).uri();
  }

  /** The issuer the login mechanism's tests discover (authorization, end-session, JWK set). */
  public URI loginIssuer() {
    return server.issuerUrl(LOGIN_ISSUER_ID).uri();
  }

  /**
   * A Back-Channel Logout token of the {@code login} issuer, signed with its key, for {@code
   * LOGIN_USER} with the claims {@code claims} (e.g. {@code events}, {@code sid}).
   */
  public String logoutToken(Map<String, Object> claims) {
    return server
        .issueToken(
            LOGIN_ISSUER_ID,
            CLIENT_ID,
            new DefaultOAuth2TokenCallback(
                LOGIN_ISSUER_ID, LOGIN_USER, "logout+jwt", List.of(CLIENT_ID), claims, 120))
        .serialize();
  }

  /** Refresh-token grants received since the last {@link #reset}, whatever their answer. */
  public int refreshCalls() {
    return route.refreshCalls();
  }

  /** Answers the next refresh-token grants with {@code steps}, in order, then as before. */
  public void answerNextRefreshes(IdpStep... steps) {
    for (IdpStep step : steps) {
      route.enqueue(step);
    }
  }

  /** Answers every refresh-token grant that no queued step claims with {@code step}. */
  public void answerEveryRefresh(IdpStep step) {
    route.answerEveryRefresh(step);
  }

  /** Keeps the next refresh's (genuine) answer back until the returned hold is released. */
  public Hold holdNextRefresh(Duration max) {
    Hold hold = new Hold(max);
    route.enqueue(IdpStep.passThrough().heldBy(hold));
    return hold;
  }

  /**
   * Makes the {@code builtin} issuer's next tokens live {@code lifetime} (until the next {@link
   * #reset}, which restores {@link #BUILT_IN_TOKEN_LIFETIME}).
   */
  public void builtInTokensLive(Duration lifetime) {
    builtInLifetime = lifetime;
  }

  /**
   * Makes the {@code idp} issuer's next tokens live {@code lifetime} (until the next {@link
   * #reset}, which restores an hour): for a soak whose sessions refresh every few seconds.
   */
  public void idpTokensLive(Duration lifetime) {
    idpLifetime = lifetime;
  }

  /** Forgets the script and the count, and both issuers' lifetimes. */
  public void reset() {
    builtInLifetime = BUILT_IN_TOKEN_LIFETIME;
    idpLifetime = IDP_TOKEN_LIFETIME;
    route.reset();
  }

  /**
   * Logs a user in by the authorization-code flow (mock-oauth2-server's authorize endpoint
   * redirects straight back with a code): a fresh grant with its own refresh token.
   */
  public TokenGrant login() {
    URI authorize =
        URI.create(
            server.authorizationEndpointUrl(ISSUER_ID)
                + "?client_id="
                + CLIENT_ID
                + "&response_type=code&scope=openid&state=s&nonce=n&redirect_uri="
                + REDIRECT);
    HttpResponse<String> redirect = Http.send(HttpRequest.newBuilder(authorize).GET());
    String location =
        redirect
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new IllegalStateException("authorize: " + redirect.statusCode()));
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    return redeem(new AuthorizationCodeGrant(new AuthorizationCode(code), REDIRECT));
  }

  /**
   * A grant whose refresh token the provider has already rotated away, as if another client had
   * redeemed it: redeeming it again is answered {@code invalid_grant}. Counts one refresh call.
   */
  public TokenGrant deadGrant() {
    TokenGrant grant = login();
    redeem(new RefreshTokenGrant(new RefreshToken(grant.refreshToken())));
    return grant;
  }

  private TokenGrant redeem(AuthorizationGrant grant) {
    TokenRequest request =
        new TokenRequest.Builder(
                tokenEndpoint(),
                new ClientSecretBasic(new ClientID(CLIENT_ID), new Secret(CLIENT_SECRET)),
                grant)
            .build();
    try {
      TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
      if (!response.indicatesSuccess()) {
        throw new IllegalStateException(
            "token request failed: " + response.toErrorResponse().getErrorObject());
      }
      Tokens tokens = response.toSuccessResponse().getTokens();
      return new TokenGrant(
          tokens.getAccessToken().getValue(), tokens.getRefreshToken().getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("unparsable token response", e);
    }
  }

  /**
   * The tokens of the {@code builtin} issuer: short-lived unless told otherwise, with a {@code
   * groups} claim, and an {@code azp} that is always the client id. mock-oauth2-server takes {@code
   * azp} from how the token request authenticates the client, which differs between the built-in
   * client's code exchange and its refresh; the client then rejects every refreshed ID token ("azp
   * Claim Value MUST be the same as in the ID Token issued when the original authentication
   * occurred"), which a real provider would not make it do.
   */
  private static final class BuiltInTokens extends DefaultOAuth2TokenCallback {

    private final MockIdp idp;

    BuiltInTokens(MockIdp idp) {
      super(
          BUILT_IN_ISSUER_ID,
          "side-by-side-user",
          "JWT",
          List.of(CLIENT_ID),
          Map.of("groups", List.of(BUILT_IN_GROUP)),
          BUILT_IN_TOKEN_LIFETIME.toSeconds());
      this.idp = idp;
    }

    @Override
    public long tokenExpiry() {
      return idp.builtInLifetime.toSeconds();
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest tokenRequest) {
      Map<String, Object> claims = new HashMap<>(super.addClaims(tokenRequest));
      claims.put("azp", CLIENT_ID);
      return claims;
    }
  }
}
