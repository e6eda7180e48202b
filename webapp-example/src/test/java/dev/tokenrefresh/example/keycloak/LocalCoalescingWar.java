package dev.tokenrefresh.example.keycloak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The negative control of the two-node Keycloak run: a copy of the built example WAR under the
 * context root {@link #CONTEXT_ROOT}, refreshing once per node ({@code token-refresh.cluster=local}
 * in its own {@code microprofile-config.properties}, which the cluster key in the environment does
 * not override) and recording no metrics (Payara 6 exports two deployments' application metrics
 * without telling them apart). Everything else is the example's.
 */
public final class LocalCoalescingWar {

  /** The copy's context root. */
  public static final String CONTEXT_ROOT = "/example-local";

  private LocalCoalescingWar() {}

  /** Writes the copy to {@code target} and returns it. */
  public static Path build(Path war, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.copy(war, target, StandardCopyOption.REPLACE_EXISTING);
    try (FileSystem zip = FileSystems.newFileSystem(target)) {
      Path descriptor = zip.getPath("WEB-INF/payara-web.xml");
      String xml = Files.readString(descriptor, StandardCharsets.UTF_8);
      String moved = xml.replace("<context-root>/example</context-root>", contextRoot());
      if (moved.equals(xml)) {
        throw new IllegalStateException("no <context-root>/example</context-root> in " + war);
      }
      Files.writeString(descriptor, moved, StandardCharsets.UTF_8);
      Files.writeString(
          zip.getPath("WEB-INF/classes/META-INF/microprofile-config.properties"),
          "\n# the negative control: per-node coalescing\n"
              + "token-refresh.cluster=local\ntoken-refresh.metrics=none\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    }
    return target;
  }

  private static String contextRoot() {
    return "<context-root>" + CONTEXT_ROOT + "</context-root>";
  }
}
