package dev.tokenrefresh.example.oidc;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.tokenrefresh.example.config.ExampleSettings;
import dev.tokenrefresh.oidc.ClientAuthenticator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The OpenID Connect provider as this application's client sees it: its endpoints (by discovery
 * from the issuer, once, at startup), how the client authenticates, and the validator of its ID
 * tokens. Starting with the application makes a wrong issuer fail the deployment with a message
 * naming the key. Thread-safe: everything is built once and then only read.
 */
@ApplicationScoped
public class Provider {

  private static final Logger LOG = Logger.getLogger(Provider.class.getName());

  @Inject ExampleSettings settings;

  private OIDCProviderMetadata metadata;
  private IDTokenValidator idTokens;
  private ClientAuthenticator clientAuth;

  /** Makes the bean start (and discover the provider) when the application starts. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    clientId();
  }

  @PostConstruct
  void discover() {
    try {
      metadata =
          OIDCProviderMetadata.resolve(
              new Issuer(settings.issuer()),
              millis(settings.connectTimeout().toMillis()),
              millis(settings.readTimeout().toMillis()));
      idTokens =
          new IDTokenValidator(
              metadata.getIssuer(),
              clientId(),
              settings.idTokenAlg(),
              metadata.getJWKSetURI().toURL(),
              new DefaultResourceRetriever(
                  millis(settings.connectTimeout().toMillis()),
                  millis(settings.readTimeout().toMillis())));
    } catch (IOException | GeneralException | RuntimeException e) {
      throw new IllegalStateException(
          "token-refresh.oidc.issuer "
              + settings.issuer()
              + ": OpenID Connect discovery failed ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")",
          e);
    }
    clientAuth =
        new ClientAuthenticator(
            settings.client(), metadata.getTokenEndpointURI(), Clock.systemUTC());
    LOG.info(() -> "example login client for " + metadata.getIssuer() + ": " + settings);
  }

  /** The issuer, as the provider states it. */
  public Issuer issuer() {
    return metadata.getIssuer();
  }

  /** The authorization endpoint the login sends the browser to. */
  public URI authorizationEndpoint() {
    return metadata.getAuthorizationEndpointURI();
  }

  /** The token endpoint the callback redeems the authorization code at. */
  public URI tokenEndpoint() {
    return metadata.getTokenEndpointURI();
  }

  /** The userinfo endpoint; {@code /api/me} fails without one. */
  public Optional<URI> userInfoEndpoint() {
    return Optional.ofNullable(metadata.getUserInfoEndpointURI());
  }

  /** The end-session endpoint of RP-initiated logout, when the provider has one. */
  public Optional<URI> endSessionEndpoint() {
    return Optional.ofNullable(metadata.getEndSessionEndpointURI());
  }

  /** The validator of ID tokens: signature, issuer, audience, expiry and nonce. */
  public IDTokenValidator idTokens() {
    return idTokens;
  }

  /** This application's client id. */
  public ClientID clientId() {
    return new ClientID(settings.client().clientId());
  }

  /**
   * How the client authenticates to the token endpoint, made anew for each request (a {@code
   * private_key_jwt} assertion is never sent twice), or empty for a public client.
   */
  public Optional<ClientAuthentication> clientAuthentication() {
    return clientAuth.next();
  }

  /**
   * Applies the configured timeouts to a request to the provider, which must not follow redirects
   * (Nimbus's HTTPRequest does by default): a redirect is an answer, not a new destination for the
   * access token.
   */
  public HTTPRequest bounded(HTTPRequest request) {
    request.setFollowRedirects(false);
    request.setConnectTimeout(millis(settings.connectTimeout().toMillis()));
    request.setReadTimeout(millis(settings.readTimeout().toMillis()));
    return request;
  }

  private static int millis(long value) {
    return (int) Math.min(Integer.MAX_VALUE, value);
  }
}
