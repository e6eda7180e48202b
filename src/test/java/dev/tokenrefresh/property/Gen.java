package dev.tokenrefresh.property;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generators of awkward values for property tests: text of any shape (empty, blank, control
 * characters, lone surrogates, up to tens of KiB), numbers at and beyond their limits, instants at
 * the ends of time. Each takes the try's {@link Random}, so that a seed reproduces a run.
 * Stateless.
 */
public final class Gen {

  private static final String AWKWARD = " \t\r\n\u0000\"\\{}[]:,=;%+&?#/\u00e9\u4e2d\ud83d\ude00";

  private Gen() {}

  /** One of {@code values}. */
  @SafeVarargs
  public static <T> T oneOf(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  /** One of {@code values}. */
  public static <T> T oneOf(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /** The value of one of {@code generators}. */
  @SafeVarargs
  public static <T> T either(Random r, Function<Random, T>... generators) {
    return generators[r.nextInt(generators.length)].apply(r);
  }

  /** {@code true} with probability {@code p}. */
  public static boolean chance(Random r, double p) {
    return r.nextDouble() < p;
  }

  /** Text of any shape, mostly short: at most {@code max} characters. */
  public static String text(Random r, int max) {
    int length = chance(r, 0.8) ? r.nextInt(Math.min(max, 40) + 1) : r.nextInt(max + 1);
    return switch (r.nextInt(5)) {
      case 0 -> chars(r, length, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
      case 1 -> chars(r, Math.min(length, 6), " \t\r\n\u0000");
      case 2 -> chars(r, length, AWKWARD + "abc-._~");
      case 3 -> anyChars(r, length);
      default -> printableAscii(r, length);
    };
  }

  /** Letters and digits only, exactly {@code length} of them. */
  public static String alnum(Random r, int length) {
    return chars(r, length, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
  }

  /** Printable ASCII, {@code length} characters. */
  public static String printableAscii(Random r, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) (0x20 + r.nextInt(0x7f - 0x20)));
    }
    return s.toString();
  }

  /** Any UTF-16 code units, lone surrogates included. */
  public static String anyChars(Random r, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) r.nextInt(Character.MAX_VALUE + 1));
    }
    return s.toString();
  }

  /** A long, often at or near a limit. */
  public static long anyLong(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> oneOf(r, 0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L);
      case 1 -> r.nextInt(200_000) - 100_000L;
      default -> r.nextLong();
    };
  }

  /** Any instant Java can represent, the extremes and ordinary ones near {@code around}. */
  public static Instant instant(Random r, Instant around) {
    return switch (r.nextInt(4)) {
      case 0 -> oneOf(r, Instant.MIN, Instant.MAX, Instant.EPOCH, around);
      case 1 -> around.plusSeconds(r.nextInt(200_000) - 100_000L);
      default ->
          Instant.ofEpochSecond(
              Instant.MIN.getEpochSecond()
                  + (long)
                      (r.nextDouble()
                          * ((double) Instant.MAX.getEpochSecond()
                              - Instant.MIN.getEpochSecond())));
    };
  }

  private static String chars(Random r, int length, String alphabet) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
