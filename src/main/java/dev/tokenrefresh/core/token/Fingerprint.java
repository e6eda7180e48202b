package dev.tokenrefresh.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 fingerprint of a secret (a refresh token, a session id). It is what the core uses as
 * a map key and what logs may show, so the raw secret is never kept longer than the call that needs
 * it. Immutable and thread-safe.
 *
 * @param hex the lower-case hexadecimal SHA-256 digest (64 characters)
 */
public record Fingerprint(String hex) {

  private static final int HEX_LENGTH = 64;
  private static final int SHORT_LENGTH = 12;

  /** Validates the digest's form. */
  public Fingerprint {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != HEX_LENGTH) {
      throw new IllegalArgumentException(
          "a fingerprint has " + HEX_LENGTH + " hex digits, was " + hex.length());
    }
  }

  /** Fingerprints {@code secret} (UTF-8 bytes). */
  public static Fingerprint of(String secret) {
    Objects.requireNonNull(secret, "secret");
    return new Fingerprint(HexFormat.of().formatHex(sha256(secret)));
  }

  /** The first 12 hex digits: enough to correlate log lines, far too little to guess from. */
  public String shortForm() {
    return hex.substring(0, SHORT_LENGTH);
  }

  @Override
  public String toString() {
    return "sha256:" + shortForm();
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
