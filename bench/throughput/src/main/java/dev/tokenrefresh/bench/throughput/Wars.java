package dev.tokenrefresh.bench.throughput;

import dev.tokenrefresh.bench.throughput.app.LoginServlet;
import dev.tokenrefresh.bench.throughput.app.MeServlet;
import dev.tokenrefresh.bench.throughput.app.PassThroughFilter;
import dev.tokenrefresh.bench.throughput.app.SessionUser;
import dev.tokenrefresh.bench.throughput.app.TokenLoginServlet;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the variants' WARs, the same files for Payara and WildFly. Every one has the same servlet
 * and the same {@code payara-web.xml} (child-first class loading, which the module's Nimbus needs
 * on Payara; WildFly ignores it); they differ only in {@code beans.xml}, the pass-through filter
 * and the module with its configuration. Not thread-safe.
 *
 * @param libraryClasses the module's jar (or a folder of its classes)
 * @param baselineClasses the jar or classes for {@link Variant#BASELINE}, or {@code null}
 * @param warLibs its runtime dependencies ({@code target/war-libs})
 */
record Wars(File libraryClasses, File baselineClasses, File warLibs) {

  private static final String BEANS_XML =
      "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
          + " bean-discovery-mode=\"annotated\"/>\n";

  private static final String PAYARA_WEB_XML =
      "<payara-web-app><class-loader delegate=\"false\"/></payara-web-app>\n";

  /**
   * The module's configuration. The token endpoint is a closed loopback port: with tokens valid for
   * hours, no request of the benchmark ever calls it.
   */
  private static final String MODULE_CONFIG =
      String.join(
          "\n",
          "token-refresh.oidc.token-endpoint=http://127.0.0.1:9/token",
          "token-refresh.oidc.client-id=bench",
          "token-refresh.oidc.client-secret=bench-secret",
          "");

  /** Writes the variant's WAR into {@code dir} and returns its file. */
  File write(Variant variant, Path dir) {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, variant.context() + ".war")
            .addClasses(MeServlet.class, SessionUser.class)
            .addAsWebInfResource(new StringAsset(PAYARA_WEB_XML), "payara-web.xml");
    if (variant.cdi()) {
      war.addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    }
    if (variant.module()) {
      war.addClass(TokenLoginServlet.class)
          .addAsLibrary(library(variant == Variant.BASELINE ? baselineClasses : libraryClasses))
          .addAsLibraries(runtimeDependencies())
          .addAsResource(
              new StringAsset(
                  MODULE_CONFIG
                      + (variant == Variant.MODULE_DISABLED
                          ? "token-refresh.enabled=false\n"
                          : "")),
              "META-INF/microprofile-config.properties");
    } else {
      war.addClass(LoginServlet.class);
    }
    if (variant == Variant.PASS_THROUGH) {
      war.addClass(PassThroughFilter.class);
    }
    File file = dir.resolve(war.getName()).toFile();
    war.as(ZipExporter.class).exportTo(file, true);
    return file;
  }

  /** The module as a library: its jar, or a folder of its classes (another build's). */
  private static JavaArchive library(File jarOrClasses) {
    if (jarOrClasses.isFile()) {
      return ShrinkWrap.createFromZipFile(JavaArchive.class, jarOrClasses);
    }
    return ShrinkWrap.create(JavaArchive.class, "token-refresh-filter.jar")
        .as(ExplodedImporter.class)
        .importDirectory(jarOrClasses)
        .as(JavaArchive.class);
  }

  private File[] runtimeDependencies() {
    File[] jars = warLibs.listFiles((d, n) -> n.endsWith(".jar"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException(
          "no jars in " + warLibs + ": run with the documented command");
    }
    Arrays.sort(jars);
    return jars;
  }
}
