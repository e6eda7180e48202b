package dev.tokenrefresh.core.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 fingerprint of a secret (a refresh token, a session id). It is what the core uses as
 * a map key and what logs may show, so the raw secret is never kept longer than the call that needs
 * it. The 32-byte digest is held as four {@code long}s: a map of 100 000 sessions keyed by it costs
 * 48 bytes a key instead of a 64-character string. Immutable and thread-safe.
 *
 * @param w0 digest bytes 0–7
 * @param w1 digest bytes 8–15
 * @param w2 digest bytes 16–23
 * @param w3 digest bytes 24–31
 */
public record Fingerprint(long w0, long w1, long w2, long w3) {

  private static final int SHORT_HEX_DIGITS = 12;

  /** Fingerprints {@code secret} (UTF-8 bytes). */
  public static Fingerprint of(String secret) {
    Objects.requireNonNull(secret, "secret");
    ByteBuffer digest = ByteBuffer.wrap(sha256(secret));
    return new Fingerprint(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
  }

  /** The whole digest in lower-case hexadecimal (64 digits). */
  public String hex() {
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(w0) + hex.toHexDigits(w1) + hex.toHexDigits(w2) + hex.toHexDigits(w3);
  }

  /** The first 12 hex digits: enough to correlate log lines, far too little to guess from. */
  public String shortForm() {
    return HexFormat.of().toHexDigits(w0).substring(0, SHORT_HEX_DIGITS);
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
