package dev.tokenrefresh.internal.core.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals grid values with AES-256-GCM: {@code [key id][96-bit random nonce][ciphertext + 128-bit
 * tag]}, the value's grid key (map and fingerprint) as additional authenticated data, so that a
 * value copied under another key, altered, or sealed with another key is refused. Opens with the
 * current key or, for rotation, the previous one. Thread-safe (a cipher per call).
 */
public final class SealedCodec {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom NONCES = new SecureRandom();

  private final SecretKeySpec current;
  private final byte currentId;
  private final SecretKeySpec previous;
  private final byte previousId;

  /** Seals with {@code keys}' current key; opens with it or the previous one. */
  public SealedCodec(ClusterKeys keys) {
    byte[] c = keys.current();
    this.current = new SecretKeySpec(c, "AES");
    this.currentId = ClusterKeys.id(c);
    Optional<byte[]> p = keys.previous();
    this.previous = p.map(k -> new SecretKeySpec(k, "AES")).orElse(null);
    this.previousId = p.map(ClusterKeys::id).orElse((byte) 0);
  }

  /** Seals {@code plain} for the grid key {@code gridKey}. */
  public byte[] seal(byte[] plain, String gridKey) {
    byte[] nonce = new byte[NONCE_BYTES];
    NONCES.nextBytes(nonce);
    try {
      Cipher gcm = cipher(Cipher.ENCRYPT_MODE, current, nonce, gridKey);
      byte[] sealed = gcm.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(currentId)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Opens a value sealed for {@code gridKey}.
   *
   * @throws UnreadableEntryException when it was altered, moved, or sealed with an unknown key
   */
  public byte[] open(byte[] sealed, String gridKey) {
    if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
      throw new UnreadableEntryException("a grid value is too short to be sealed");
    }
    byte id = sealed[0];
    if (id == currentId) {
      Optional<byte[]> plain = tryOpen(current, sealed, gridKey);
      if (plain.isPresent()) {
        return plain.get();
      }
    }
    if (previous != null && id == previousId) {
      Optional<byte[]> plain = tryOpen(previous, sealed, gridKey);
      if (plain.isPresent()) {
        return plain.get();
      }
    }
    throw new UnreadableEntryException(
        "a grid value cannot be opened with "
            + ClusterKeys.KEY
            + " nor "
            + ClusterKeys.PREVIOUS_KEY
            + " (altered, moved, or every node does not have the same key)");
  }

  private static Optional<byte[]> tryOpen(SecretKeySpec key, byte[] sealed, String gridKey) {
    try {
      byte[] nonce = java.util.Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
      Cipher gcm = cipher(Cipher.DECRYPT_MODE, key, nonce, gridKey);
      return Optional.of(gcm.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String gridKey)
      throws GeneralSecurityException {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    gcm.updateAAD(gridKey.getBytes(StandardCharsets.UTF_8));
    return gcm;
  }
}
