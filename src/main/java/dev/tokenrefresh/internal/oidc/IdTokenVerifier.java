package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;
import java.net.MalformedURLException;

/**
 * Validates an ID token with Nimbus's {@link IDTokenValidator}: signature against the provider's
 * JWK set, {@code iss}, {@code aud}, {@code exp} and {@code iat}, with Nimbus's 60 s clock skew.
 * The JWK set comes from Nimbus's {@link JWKSourceBuilder} through the interruptible sender:
 * cached, fetched again when a token names an unknown {@code kid} (the provider rotated its keys),
 * rate-limited, never retried inside a refresh. When no JWK set is configured it accepts every ID
 * token unchecked. Thread-safe.
 */
final class IdTokenVerifier {

  private static final int MAX_REASON = 160;

  /** {@code null} when no JWK set is configured. */
  private final IDTokenValidator validator;

  /** {@code null} when no JWK set is configured. */
  private final JWKSource<SecurityContext> keys;

  /** The {@code azp} an ID token may name (Nimbus checks it only with several audiences). */
  private final String clientId;

  IdTokenVerifier(OidcClientSettings settings, ResourceRetriever retriever) {
    clientId = settings.clientId();
    if (settings.jwksUri() == null) {
      validator = null;
      keys = null;
      return;
    }
    try {
      keys =
          JWKSourceBuilder.create(settings.jwksUri().toURL(), retriever)
              .retrying(false)
              .refreshAheadCache(false)
              .build();
      validator =
          new IDTokenValidator(
              new Issuer(settings.issuer()),
              new ClientID(settings.audience()),
              new JWSVerificationKeySelector<>(
                  JWSAlgorithm.parse(settings.idTokenSigningAlg()), keys),
              null);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(
          OidcClientSettings.PREFIX + "jwks-uri is not a valid URL: " + settings.jwksUri(), e);
    }
  }

  /** The provider's JWK set (cached), shared with the logout-token check; null without one. */
  JWKSource<SecurityContext> keys() {
    return keys;
  }

  /**
   * Validates a login's ID token, including its {@code nonce} and, where present, {@code azp}.
   *
   * @return the validated claims
   * @throws TokenRejectedException when it fails a check (or no JWK set is configured)
   * @throws IdpFaultException {@link FaultKind#IO} when the JWK set cannot be fetched
   */
  IDTokenClaimsSet verifyLogin(String idToken, Nonce nonce) {
    if (validator == null) {
      throw new TokenRejectedException("no JWK set configured: the ID token cannot be validated");
    }
    try {
      IDTokenClaimsSet claims = validator.validate(JWTParser.parse(idToken), nonce);
      if (claims.getAuthorizedParty() != null
          && !clientId.equals(claims.getAuthorizedParty().getValue())) {
        throw new TokenRejectedException("invalid ID token: azp is another client");
      }
      return claims;
    } catch (java.text.ParseException e) {
      throw new TokenRejectedException("the ID token is not a JWT");
    } catch (BadJOSEException e) {
      throw new TokenRejectedException("invalid ID token: " + shortReason(e.getMessage()));
    } catch (KeySourceException e) {
      throw new IdpFaultException(FaultKind.IO, "the JWK set could not be fetched", false, e);
    } catch (JOSEException e) {
      throw new TokenRejectedException("ID token check failed: " + e.getClass().getSimpleName());
    }
  }

  /** Whether ID tokens are checked at all. */
  boolean enabled() {
    return validator != null;
  }

  /**
   * @throws IdpFaultException {@link FaultKind#MALFORMED_RESPONSE} for an ID token that fails
   *     validation, {@link FaultKind#IO} when the JWK set cannot be fetched
   */
  void verify(String idToken) {
    if (validator == null) {
      return;
    }
    try {
      validator.validate(JWTParser.parse(idToken), null);
    } catch (java.text.ParseException e) {
      throw IdpFaultException.of(FaultKind.MALFORMED_RESPONSE, "the ID token is not a JWT");
    } catch (BadJOSEException e) {
      throw IdpFaultException.of(
          FaultKind.MALFORMED_RESPONSE, "invalid ID token: " + shortReason(e.getMessage()));
    } catch (KeySourceException e) {
      throw new IdpFaultException(FaultKind.IO, "the JWK set could not be fetched", false, e);
    } catch (JOSEException e) {
      throw IdpFaultException.of(
          FaultKind.MALFORMED_RESPONSE, "ID token check failed: " + e.getClass().getSimpleName());
    }
  }

  /** Nimbus's reasons name claims and algorithms, never the token; still, keep them short. */
  static String shortReason(String reason) {
    if (reason == null) {
      return "rejected";
    }
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
  }
}
