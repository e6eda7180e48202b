package dev.tokenrefresh.internal.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a configured duration: ISO-8601 ({@code PT30S}) or a number with a unit ({@code 250ms},
 * {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}). A bare number is rejected: a unit is required,
 * because "30" could mean seconds or milliseconds. At most {@link #MAX} (365 days): no setting
 * needs more, and sums of larger durations overflow. Thread-safe (stateless).
 */
public final class DurationSyntax {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  /** The longest duration any key accepts. */
  public static final Duration MAX = Duration.ofDays(365);

  private DurationSyntax() {}

  /**
   * Parses {@code text}, the value of {@code key}.
   *
   * @throws IllegalArgumentException naming the key, the value and the accepted forms, or the
   *     maximum
   */
  public static Duration parse(String key, String text) {
    Duration d = syntax(key, text);
    if (d.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          key + " must be a duration of at most 365 days, was '" + text.trim() + "'");
    }
    return d;
  }

  private static Duration syntax(String key, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(value);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      if (value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        key + " must be a duration such as PT30S, 30s, 5m or 250ms, was '" + text.trim() + "'");
  }
}
