package dev.tokenrefresh.internal.jakarta;

/**
 * Whether an optional API (Hazelcast, Infinispan, Micrometer, OpenTelemetry) is on the
 * application's class path, asked before any class that links against it is loaded.
 */
public final class OptionalApi {

  private OptionalApi() {}

  /** Whether {@code className} loads through the thread's context class loader, not initialised. */
  public static boolean visible(String className) {
    try {
      Class.forName(className, false, Thread.currentThread().getContextClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
