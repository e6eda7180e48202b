package dev.tokenrefresh.jakarta.config;

import dev.tokenrefresh.internal.core.config.DurationSyntax;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of configuration keys from a plain key → value lookup, with the library's syntax
 * (durations such as {@code 5s}, strict booleans) and errors that name the key and the value. The
 * CDI layer passes MicroProfile Config's {@code getOptionalValue}; the mapping is tested without a
 * container. Part of the public API, for an application that reads the same {@code token-refresh.*}
 * keys or its own with the same syntax. Thread-safe if the lookup is.
 *
 * <p>Not MicroProfile's {@code ConfigReader} SPI: this reads values, it supplies none.
 */
public final class ConfigReader {

  private final Function<String, Optional<String>> lookup;

  /**
   * @param lookup returns the raw value of a full key, or empty when it is not set
   */
  public ConfigReader(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  /** The trimmed value, or empty when it is unset or blank. */
  public Optional<String> text(String key) {
    return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** A duration (see {@link DurationSyntax}). */
  public Optional<Duration> duration(String key) {
    return text(key).map(v -> DurationSyntax.parse(key, v));
  }

  /** A whole number. */
  public Optional<Integer> integer(String key) {
    return text(key).map(v -> parse(key, v, "a whole number", Integer::parseInt));
  }

  /** A decimal number. */
  public Optional<Double> decimal(String key) {
    return text(key).map(v -> parse(key, v, "a number", Double::parseDouble));
  }

  /** {@code true} or {@code false}, nothing else. */
  public Optional<Boolean> bool(String key) {
    return text(key)
        .map(
            v -> {
              if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
              }
              throw new IllegalArgumentException(key + " must be true or false, was '" + v + "'");
            });
  }

  private static <T> T parse(String key, String v, String what, Function<String, T> parser) {
    try {
      return parser.apply(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be " + what + ", was '" + v + "'", e);
    }
  }
}
