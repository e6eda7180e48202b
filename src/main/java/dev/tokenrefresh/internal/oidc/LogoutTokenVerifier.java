package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import dev.tokenrefresh.core.error.FaultKind;
import dev.tokenrefresh.core.error.IdpFaultException;

/**
 * Validates a Back-Channel Logout 1.0 logout token with Nimbus's {@link LogoutTokenValidator}:
 * signature against the provider's JWK set (the one ID tokens are checked against), {@code iss},
 * {@code aud}, {@code iat} present, the back-channel {@code events} member, {@code sid} and/or
 * {@code sub}, and no {@code nonce}. The {@code typ} header is not required ({@code logout+jwt} is
 * only recommended, and not every provider sets it). Thread-safe.
 */
final class LogoutTokenVerifier {

  private final LogoutTokenValidator validator;

  LogoutTokenVerifier(OidcClientSettings settings, JWKSource<SecurityContext> keys) {
    this.validator =
        keys == null
            ? null
            : new LogoutTokenValidator(
                new Issuer(settings.issuer()),
                new ClientID(settings.audience()),
                false,
                new JWSVerificationKeySelector<>(
                    JWSAlgorithm.parse(settings.idTokenSigningAlg()), keys),
                null);
  }

  /**
   * @throws TokenRejectedException when a check fails
   * @throws IdpFaultException {@link FaultKind#IO} when the JWK set cannot be fetched
   */
  LogoutTokenClaimsSet verify(String logoutToken) {
    if (validator == null) {
      throw new TokenRejectedException("no JWK set configured: logout tokens cannot be validated");
    }
    try {
      return validator.validate(JWTParser.parse(logoutToken));
    } catch (java.text.ParseException e) {
      throw new TokenRejectedException("the logout token is not a JWT");
    } catch (BadJOSEException e) {
      throw new TokenRejectedException(
          "invalid logout token: " + IdTokenVerifier.shortReason(e.getMessage()));
    } catch (KeySourceException e) {
      throw new IdpFaultException(FaultKind.IO, "the JWK set could not be fetched", false, e);
    } catch (JOSEException e) {
      throw new TokenRejectedException(
          "logout token check failed: " + e.getClass().getSimpleName());
    }
  }
}
