package dev.tokenrefresh.example.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the demo finds what the build made and what a Payara user copies. Each path is a system
 * property ({@code demo.war}, {@code demo.payara-micro}, {@code demo.payara-config}, {@code
 * demo.work-dir}); unset ones default to the repository layout under {@code demo.root} (default:
 * the working directory). Immutable.
 *
 * @param war the example's WAR
 * @param payaraMicro the Payara Micro jar
 * @param payaraConfig the {@code payara-config} directory: command files and JVM options
 * @param workDir where the demo writes Payara's root directory and log
 */
public record DemoPaths(Path war, Path payaraMicro, Path payaraConfig, Path workDir) {

  /** From the system properties, defaulting to the repository layout. */
  public static DemoPaths fromSystemProperties() {
    Path root = Path.of(System.getProperty("demo.root", ".")).toAbsolutePath().normalize();
    Path target = root.resolve("webapp-example/target");
    return new DemoPaths(
        path("demo.war", target.resolve("token-refresh-example.war")),
        path("demo.payara-micro", target.resolve("payara-micro.jar")),
        path("demo.payara-config", root.resolve("payara-config")),
        path("demo.work-dir", target.resolve("demo")));
  }

  /** Fails, naming the build command, when the WAR or Payara Micro is missing. */
  public DemoPaths requireBuilt() {
    for (Path p : new Path[] {war, payaraMicro, payaraConfig}) {
      if (!Files.exists(p)) {
        throw new IllegalStateException(
            p
                + " is missing: build first (./demo.sh does: mvn -B install -DskipTests, then"
                + " mvn -B -f webapp-example/pom.xml package -DskipTests)");
      }
    }
    return this;
  }

  private static Path path(String property, Path fallback) {
    String value = System.getProperty(property);
    return (value == null ? fallback : Path.of(value)).toAbsolutePath().normalize();
  }
}
