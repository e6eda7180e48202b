package dev.tokenrefresh.oidc;

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

  IdTokenVerifier(OidcClientSettings settings, ResourceRetriever retriever) {
    if (settings.jwksUri() == null) {
      validator = null;
      return;
    }
    try {
      JWKSource<SecurityContext> keys =
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
  private static String shortReason(String reason) {
    if (reason == null) {
      return "rejected";
    }
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
  }
}
