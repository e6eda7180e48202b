package dev.tokenrefresh.it.support;

import dev.tokenrefresh.it.app.EchoServlet;
import java.io.File;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test WAR, the same for every server: the library as users deploy it (a jar in
 * WEB-INF/lib, built from {@code target/classes} with its {@code META-INF/beans.xml}), its runtime
 * dependencies (Nimbus), the test servlets and filter with their {@code web.xml}, {@code
 * payara-web.xml} (child-first class loading; WildFly ignores it) and a {@code
 * microprofile-config.properties} pointing at the {@link MockIdp}.
 */
public final class TestDeployment {

  private TestDeployment() {}

  /**
   * @param warName the archive's name, which is also its context path
   * @param overrides configuration keys to add or replace; a blank value removes the key
   */
  public static WebArchive create(String warName, Map<String, String> overrides) {
    Map<String, String> config = TestSettings.properties(MockIdp.shared().tokenEndpoint());
    config.putAll(overrides);
    config.values().removeIf(String::isBlank);
    return withConfig(
            ShrinkWrap.create(WebArchive.class, warName)
                .addAsLibrary(library())
                .addAsLibraries(runtimeDependencies())
                .addPackage(EchoServlet.class.getPackage()),
            config)
        .setWebXML("war/web.xml")
        .addAsWebInfResource("war/payara-web.xml", "payara-web.xml");
  }

  /**
   * Adds the library and its runtime dependencies to {@code war}, as {@link #create} does, for a
   * WAR of another shape (the built-in client takeover's), without {@code payara-web.xml}: with
   * child-first loading the WAR's Nimbus would clash with the one Soteria links against.
   */
  public static WebArchive addLibrary(WebArchive war) {
    return war.addAsLibrary(library()).addAsLibraries(runtimeDependencies());
  }

  /** Adds {@code config} to {@code war} as its {@code META-INF/microprofile-config.properties}. */
  public static WebArchive withConfig(WebArchive war, Map<String, String> config) {
    String properties =
        config.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n"));
    return war.addAsResource(
        new StringAsset(properties), "META-INF/microprofile-config.properties");
  }

  private static JavaArchive library() {
    File classes = new File(FailsafeProperty.required("it.library.classes"));
    return ShrinkWrap.create(JavaArchive.class, "token-refresh-filter.jar")
        .as(ExplodedImporter.class)
        .importDirectory(classes)
        .as(JavaArchive.class);
  }

  private static File[] runtimeDependencies() {
    File dir = new File(FailsafeProperty.required("it.war-libs"));
    File[] jars = dir.listFiles((d, n) -> n.endsWith(".jar"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException("no jars in " + dir + ": run the tests with mvn verify");
    }
    Arrays.sort(jars);
    return jars;
  }
}
