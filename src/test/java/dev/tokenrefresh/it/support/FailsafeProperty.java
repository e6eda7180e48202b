package dev.tokenrefresh.it.support;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The container tests' settings. What only the build knows (where it put the library's classes, the
 * servers, the WAR's libraries) comes from failsafe's system properties in {@code pom.xml} and is
 * {@link #required}; everything else has its default here, as a path relative to the project folder
 * (the tests' working directory), and can be changed on the command line, since Maven passes its
 * {@code -Dname=value} options on to the tests.
 */
public final class FailsafeProperty {

  private FailsafeProperty() {}

  /** The value the build sets for {@code name}; fails, naming it, when the tests run without it. */
  public static String required(String name) {
    return Objects.requireNonNull(
        System.getProperty(name), "system property " + name + " (set by failsafe)");
  }

  /** {@code name}'s value, or {@code otherwise} when no one sets it. */
  public static String or(String name, String otherwise) {
    return System.getProperty(name, otherwise);
  }

  /** {@code name}'s value as an absolute path, or {@code otherwise} (relative to the project). */
  public static Path path(String name, String otherwise) {
    return Path.of(or(name, otherwise)).toAbsolutePath();
  }
}
