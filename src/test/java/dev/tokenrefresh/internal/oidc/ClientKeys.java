package dev.tokenrefresh.internal.oidc;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Client key pairs for the {@code private_key_jwt} tests, made once per run. */
public final class ClientKeys {

  public static final KeyPair RSA = generate("RSA", 2048, null);
  public static final KeyPair EC_P384 = generate("EC", 0, "secp384r1");

  private ClientKeys() {}

  /** The private key as the unencrypted PKCS#8 PEM block that openssl writes. */
  public static String pkcs8Pem(PrivateKey key) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  /** The base64 of the private key's encoding: what must never appear in a message. */
  public static String encoded(PrivateKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  private static KeyPair generate(String type, int size, String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
      if (curve == null) {
        generator.initialize(size);
      } else {
        generator.initialize(new ECGenParameterSpec(curve));
      }
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
