package dev.tokenrefresh.internal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;

/** Mints RS256 JWTs with the provider's key or with a foreign key that shares its key id. */
final class SignedTokens {

  static final RSAKey PROVIDER_KEY = generate();
  static final RSAKey FOREIGN_KEY = generate();

  private SignedTokens() {}

  /** The provider's public JWK set, as served at the JWKS URI. */
  static String providerJwks() {
    return new JWKSet(PROVIDER_KEY.toPublicJWK()).toString();
  }

  static String idToken(RSAKey key, URI issuer, String audience, Instant expiresAt) {
    return idToken(key, issuer, "alice", audience, expiresAt);
  }

  static String idToken(
      RSAKey key, URI issuer, String subject, String audience, Instant expiresAt) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer.toString())
            .subject(subject)
            .audience(audience)
            .issueTime(Date.from(expiresAt.minusSeconds(600)))
            .expirationTime(Date.from(expiresAt))
            .build();
    return sign(key, claims);
  }

  static String accessToken(Instant expiresAt) {
    return sign(
        PROVIDER_KEY,
        new JWTClaimsSet.Builder().subject("alice").expirationTime(Date.from(expiresAt)).build());
  }

  /** {@code claims} as a JWT signed RS256 with {@code key}, carrying its key id. */
  static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate() {
    return generate("provider-key");
  }

  /** A new key with its own key id, as a provider rotating its signing keys publishes. */
  static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
