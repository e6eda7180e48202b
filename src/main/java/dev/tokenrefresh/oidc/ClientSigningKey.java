package dev.tokenrefresh.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokenrefresh.internal.oidc.OidcClientSettings;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The private key this client signs its {@code private_key_jwt} assertions with ({@code
 * token-refresh.oidc.client-key} or {@code client-key-file}), with the key id and JWS algorithm
 * that the provider expects. Immutable and thread-safe; {@link #toString()} never shows the key,
 * and no error message quotes it.
 *
 * @param privateKey an RSA or EC private key
 * @param keyId the {@code kid} header of the assertions, or {@code null} for none
 * @param algorithm the JWS algorithm: RS256/384/512 or PS256/384/512 for RSA, ES256/384/512 for EC
 */
public record ClientSigningKey(PrivateKey privateKey, String keyId, JWSAlgorithm algorithm) {

  private static final String KEY = OidcClientSettings.PREFIX + "client-key";

  /** Validates that the algorithm fits the key. */
  public ClientSigningKey {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(algorithm, "algorithm");
    keyId = keyId == null || keyId.isBlank() ? null : keyId;
    boolean fits =
        privateKey instanceof RSAPrivateKey
            ? JWSAlgorithm.Family.RSA.contains(algorithm)
            : privateKey instanceof ECPrivateKey && JWSAlgorithm.Family.EC.contains(algorithm);
    if (!fits) {
      throw new IllegalArgumentException(
          OidcClientSettings.PREFIX
              + "client-key-alg "
              + algorithm
              + " does not fit a "
              + privateKey.getAlgorithm()
              + " key (RSA keys: RS256, RS384, RS512, PS256, PS384, PS512; EC keys: ES256,"
              + " ES384, ES512)");
    }
  }

  /**
   * Reads a private key given as an unencrypted PKCS#8 PEM block ({@code -----BEGIN PRIVATE
   * KEY-----}) or as a private JWK (JSON).
   *
   * @param text the PEM block or the JWK
   * @param keyId the {@code kid} to send, or {@code null}: then the JWK's own {@code kid}, if any
   * @param algorithm the JWS algorithm, or {@code null}: then the JWK's own {@code alg}, else RS256
   *     for RSA keys and the curve's algorithm (ES256 for P-256) for EC keys
   * @throws IllegalArgumentException naming the configuration key, never quoting the key
   */
  public static ClientSigningKey parse(String text, String keyId, String algorithm) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(KEY + " is empty");
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      return fromJwk(trimmed, keyId, algorithm);
    }
    PrivateKey key = fromPem(trimmed);
    return new ClientSigningKey(key, keyId, algorithm(algorithm, key, null));
  }

  private static ClientSigningKey fromJwk(String json, String keyId, String algorithm) {
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (java.text.ParseException | RuntimeException e) {
      throw new IllegalArgumentException(KEY + " is not a valid JWK (JSON Web Key)");
    }
    if (!jwk.isPrivate()) {
      throw new IllegalArgumentException(KEY + " is a public JWK: the private key is needed");
    }
    PrivateKey key;
    try {
      if (jwk instanceof RSAKey rsa) {
        key = rsa.toPrivateKey();
      } else if (jwk instanceof ECKey ec) {
        key = ec.toPrivateKey();
      } else {
        throw new IllegalArgumentException(
            KEY + " must be an RSA or EC key, was a JWK of type " + jwk.getKeyType());
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException(KEY + " holds an unusable private key");
    }
    String kid = keyId != null && !keyId.isBlank() ? keyId : jwk.getKeyID();
    String jwkAlg = jwk.getAlgorithm() == null ? null : jwk.getAlgorithm().getName();
    return new ClientSigningKey(key, kid, algorithm(algorithm, key, jwkAlg));
  }

  private static PrivateKey fromPem(String pem) {
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new IllegalArgumentException(
          KEY
              + " is a PKCS#1 / SEC1 PEM block; convert it to PKCS#8 with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
    }
    if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException(
          KEY + " is encrypted; give the unencrypted PKCS#8 key, kept as a secret");
    }
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(
          KEY + " must be a PKCS#8 PEM block (-----BEGIN PRIVATE KEY-----) or a private JWK");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(KEY + " holds a PEM block that is not valid Base64");
    }
    for (String type : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException tryNext) {
        // not a key of this type
      }
    }
    throw new IllegalArgumentException(KEY + " holds neither an RSA nor an EC private key");
  }

  private static JWSAlgorithm algorithm(String configured, PrivateKey key, String fromJwk) {
    String name = configured != null && !configured.isBlank() ? configured.strip() : fromJwk;
    if (name != null) {
      return JWSAlgorithm.parse(name);
    }
    if (key instanceof ECPrivateKey ec) {
      Curve curve = Curve.forECParameterSpec(ec.getParams());
      if (Curve.P_384.equals(curve)) {
        return JWSAlgorithm.ES384;
      }
      if (Curve.P_521.equals(curve)) {
        return JWSAlgorithm.ES512;
      }
      return JWSAlgorithm.ES256;
    }
    return JWSAlgorithm.RS256;
  }

  @Override
  public String toString() {
    return "ClientSigningKey[type="
        + privateKey.getAlgorithm()
        + ", keyId="
        + keyId
        + ", algorithm="
        + algorithm
        + ", key=[redacted]]";
  }
}
