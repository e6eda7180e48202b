package dev.tokenrefresh.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenrefresh.testing.PublicApi;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The public API list, the types it names and README's "Public API" section agree. */
class PublicApiTest {

  private static final Pattern TYPE = Pattern.compile("`(dev\\.tokenrefresh\\.[\\w.]+)`");

  @Test
  void everyListedType_existsAndIsPublic() throws ClassNotFoundException {
    for (String name : PublicApi.TYPES) {
      assertThat(Modifier.isPublic(Class.forName(name).getModifiers())).as(name).isTrue();
    }
  }

  @Test
  void readmePublicApiSection_namesExactlyTheListedTypes() throws IOException {
    assertThat(readmeTypes()).containsExactlyInAnyOrderElementsOf(PublicApi.TYPES);
  }

  @Test
  void allows_listedAndNestedTypesAndForeignTypes_refusesInternals() {
    assertThat(PublicApi.allows("dev.tokenrefresh.core.token.TokenSet")).isTrue();
    assertThat(PublicApi.allows("dev.tokenrefresh.core.metrics.RefreshCounts$Snapshot")).isTrue();
    assertThat(PublicApi.allows("java.lang.String")).isTrue();
    assertThat(PublicApi.allows("dev.tokenrefresh.jakarta.config.SettingsMapping")).isFalse();
    assertThat(PublicApi.allows("dev.tokenrefresh.core.RefreshCoordinator")).isFalse();
  }

  private static Set<String> readmeTypes() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Public API\n");
    assertThat(start).as("README section \"## Public API\"").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Set<String> names = new LinkedHashSet<>();
    for (String line : section.split("\n")) {
      Matcher m = TYPE.matcher(line);
      if (line.startsWith("| ") && m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}
