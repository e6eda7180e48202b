package dev.tokenrefresh.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The README's Java, XML and properties blocks are copies of files the build compiles (the Java
 * under {@code src/test/java/com/example/myapp/}, the example application) or reads ({@code
 * src/test/resources/readme/}, the test WAR's {@code payara-web.xml}), so they cannot drift. After
 * changing a source, {@code mvn -B test -Dtest=ReadmeSnippetsTest -Dreadme.update=true} copies
 * every marked source into the README.
 */
class ReadmeSnippetsTest {

  private static final Path README = Path.of("README.md");

  @Test
  void everyMarkedBlock_isItsSource_verbatim() throws IOException {
    String readme = read(README);
    List<ReadmeSnippets.Snippet> snippets = ReadmeSnippets.in(readme);
    List<String> expected = new ArrayList<>();
    for (ReadmeSnippets.Snippet s : snippets) {
      expected.add(ReadmeSnippets.expected(read(Path.of(s.path())), s.region()));
    }
    if (Boolean.getBoolean("readme.update")) {
      Files.writeString(README, ReadmeSnippets.rewrite(readme, expected), StandardCharsets.UTF_8);
      return;
    }

    assertThat(snippets).as("snippets in README.md").hasSizeGreaterThanOrEqualTo(5);
    for (int i = 0; i < snippets.size(); i++) {
      ReadmeSnippets.Snippet s = snippets.get(i);
      assertThat(s.body())
          .as(
              "README.md line %d is not a copy of %s: change the source, then run mvn -B test"
                  + " -Dtest=ReadmeSnippetsTest -Dreadme.update=true",
              s.line(), s.source())
          .isEqualTo(expected.get(i));
    }
  }

  @Test
  void everyJavaXmlAndPropertiesBlock_isMarkedAsACopy() throws IOException {
    assertThat(ReadmeSnippets.unmarkedBlocks(read(README), ReadmeSnippets.CHECKED_LANGUAGES))
        .as(
            "README.md lines opening java/xml/properties blocks that copy no source: put the code"
                + " in a file the build compiles (src/test/java/com/example/myapp/, or a region of"
                + " the example) and mark the block <!-- snippet: PATH[#REGION] --> ..."
                + " <!-- /snippet -->")
        .isEmpty();
  }

  @Test
  void aBlockThatDriftedFromItsSource_isFound() {
    String readme =
        "intro\n<!-- snippet: A.java#call -->\n```java\nold();\n```\n<!-- /snippet -->\n"
            + "```xml\n<unmarked/>\n```\n"
            + "1. a step:\n\n   ```properties\n   a=b\n   ```\n";
    String source =
        "class A {\n  void f() {\n    // snippet:call\n    call();\n"
            + "    // /snippet:call\n  }\n}\n";

    ReadmeSnippets.Snippet s = ReadmeSnippets.in(readme).get(0);

    assertThat(s.source()).isEqualTo("A.java#call");
    assertThat(s.line()).isEqualTo(2);
    assertThat(s.body()).isEqualTo("old();\n");
    assertThat(ReadmeSnippets.expected(source, s.region())).isEqualTo("call();\n");
    assertThat(ReadmeSnippets.unmarkedBlocks(readme, Set.of("xml", "properties")))
        .containsExactly(7, 12);
    assertThat(ReadmeSnippets.rewrite(readme, List.of("call();\n")))
        .contains("```java\ncall();\n```")
        .contains("<unmarked/>");
  }

  @Test
  void aRegionThatIsNotInItsSource_failsNamingIt() {
    assertThatThrownBy(() -> ReadmeSnippets.expected("class A {}\n", "gone"))
        .hasMessage("no line holds snippet:gone");
    assertThatThrownBy(() -> ReadmeSnippets.expected("// snippet:open\nx\n", "open"))
        .hasMessage("snippet:open is never closed");
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
