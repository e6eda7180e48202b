package dev.tokenrefresh.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's configuration tables and {@link ConfigKey} list the same keys with the same defaults, so
 * that neither can drift from the other.
 */
class ConfigKeyReadmeTest {

  private static final Pattern ROW =
      Pattern.compile("^\\| `(token-refresh\\.[\\w.-]+)` \\| (.*?) \\| .*\\|$", Pattern.MULTILINE);
  private static final Pattern LITERAL = Pattern.compile("`([^`]*)`");

  @Test
  void readmeConfigurationTables_listEveryKeyOfTheTableWithItsDefault() throws IOException {
    assertThat(differences(readme())).isEmpty();
  }

  @Test
  void negativeControl_aChangedDefaultOrAMissingRow_isReported() throws IOException {
    String readme = readme();
    String changed =
        readme.replace(
            "| `token-refresh.oidc.read-timeout` | `10s` |",
            "| `token-refresh.oidc.read-timeout` | `11s` |");
    String missing = readme.replaceAll("(?m)^\\| `token-refresh\\.cooldown` .*\\n", "");
    String extra =
        readme.replace(
            "\n| `token-refresh.timeout` |",
            "\n| `token-refresh.no-such-key` | `1` | x |\n| `token-refresh.timeout` |");

    assertThat(differences(changed))
        .containsExactly("token-refresh.oidc.read-timeout: README `11s`, table 10s");
    assertThat(differences(missing)).containsExactly("token-refresh.cooldown: not in README");
    assertThat(differences(extra)).containsExactly("token-refresh.no-such-key: not in ConfigKey");
  }

  @Test
  void keys_areUniqueAndDescribed() {
    assertThat(Arrays.stream(ConfigKey.values()).map(ConfigKey::key)).doesNotHaveDuplicates();
    for (ConfigKey k : ConfigKey.values()) {
      assertThat(k.description()).as(k.key()).isNotBlank();
    }
  }

  /** What README and the table disagree on, one line per key. */
  private static List<String> differences(String readme) {
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(section(readme));
    while (m.find()) {
      rows.put(m.group(1), m.group(2).trim());
    }
    List<String> out = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      if (!k.key().startsWith("token-refresh.")) {
        continue;
      }
      String cell = rows.remove(k.key());
      if (cell == null) {
        out.add(k.key() + ": not in README");
        continue;
      }
      Matcher literal = LITERAL.matcher(cell);
      boolean isLiteral = literal.matches();
      if (k.defaultValue().isPresent()
          ? !(isLiteral && literal.group(1).equals(k.defaultValue().get()))
          : isLiteral) {
        out.add(k.key() + ": README " + cell + ", table " + k.defaultValue().orElse("none"));
      }
    }
    rows.keySet().forEach(key -> out.add(key + ": not in ConfigKey"));
    return out;
  }

  private static String section(String readme) {
    int start = readme.indexOf("\n## Configuration reference\n");
    assertThat(start).as("README section \"## Configuration reference\"").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
  }
}
