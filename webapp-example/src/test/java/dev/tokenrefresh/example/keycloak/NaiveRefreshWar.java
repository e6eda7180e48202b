package dev.tokenrefresh.example.keycloak;

import dev.tokenrefresh.example.keycloak.testwar.NaiveRefreshServlet;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example's WAR plus the negative control: a copy of the built WAR with the compiled classes of
 * {@code keycloak.testwar} ({@link NaiveRefreshServlet}) added under {@code WEB-INF/classes}. The
 * example itself never contains them.
 */
public final class NaiveRefreshWar {

  private NaiveRefreshWar() {}

  /** Writes the copy to {@code target} and returns it. */
  public static Path build(Path war, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.copy(war, target, StandardCopyOption.REPLACE_EXISTING);
    Path classes = testClasses();
    Path pkg = classes.resolve(NaiveRefreshServlet.class.getPackageName().replace('.', '/'));
    try (FileSystem zip = FileSystems.newFileSystem(target);
        Stream<Path> files = Files.list(pkg)) {
      List<Path> compiled = files.filter(f -> f.toString().endsWith(".class")).toList();
      for (Path file : compiled) {
        Path into = zip.getPath("WEB-INF/classes", classes.relativize(file).toString());
        Files.createDirectories(into.getParent());
        Files.copy(file, into, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }

  private static Path testClasses() {
    try {
      return Path.of(
          NaiveRefreshServlet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the compiled test classes", e);
    }
  }
}
