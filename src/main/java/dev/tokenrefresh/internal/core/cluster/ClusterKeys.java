package dev.tokenrefresh.internal.core.cluster;

import dev.tokenrefresh.core.config.ConfigKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The AES-256 keys that seal grid values: the current key, which seals and opens, and optionally
 * the previous one, which only opens (so that nodes can move to a new key one at a time). Each key
 * has a one-byte id (the first byte of its SHA-256) written in front of every sealed value. Parsing
 * errors name the configuration key and never quote the value. Immutable and thread-safe; {@link
 * #toString()} shows no key.
 */
public final class ClusterKeys {

  /** The configuration key of the current key. */
  public static final String KEY = ConfigKey.CLUSTER_KEY.key();

  /** The configuration key of the previous key. */
  public static final String PREVIOUS_KEY = ConfigKey.CLUSTER_PREVIOUS_KEY.key();

  private static final int KEY_BYTES = 32;

  private final byte[] current;
  private final byte[] previous;

  private ClusterKeys(byte[] current, byte[] previous) {
    this.current = current;
    this.previous = previous;
  }

  /**
   * Parses base64 keys of 32 bytes each.
   *
   * @throws IllegalArgumentException naming the configuration key, never quoting its value
   */
  public static ClusterKeys parse(String current, Optional<String> previous) {
    return new ClusterKeys(
        decode(KEY, current), previous.map(p -> decode(PREVIOUS_KEY, p)).orElse(null));
  }

  /** Keys from raw bytes (tests). */
  public static ClusterKeys of(byte[] current, byte[] previous) {
    return new ClusterKeys(
        check(KEY, current), previous == null ? null : check(PREVIOUS_KEY, previous));
  }

  byte[] current() {
    return current.clone();
  }

  Optional<byte[]> previous() {
    return Optional.ofNullable(previous).map(byte[]::clone);
  }

  static byte id(byte[] key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key)[0];
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  private static byte[] decode(String configKey, String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(configKey + " must be base64 (of 32 random bytes)");
    }
    return check(configKey, raw);
  }

  private static byte[] check(String configKey, byte[] raw) {
    if (raw == null || raw.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          configKey
              + " must be the base64 of exactly 32 bytes (an AES-256 key), was "
              + (raw == null ? 0 : raw.length)
              + " bytes; create one with: openssl rand -base64 32");
    }
    return raw.clone();
  }

  @Override
  public String toString() {
    return "ClusterKeys[key=[redacted], previous="
        + (previous == null ? "absent" : "[redacted]")
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterKeys k
        && Arrays.equals(current, k.current)
        && Arrays.equals(previous, k.previous);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(current);
  }
}
