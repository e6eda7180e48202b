package dev.tokenrefresh.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's code blocks that are copies of files the build compiles or reads. A copy is marked
 *
 * <pre>
 * &lt;!-- snippet: src/test/java/com/example/myapp/HelloServlet.java --&gt;
 * ```java
 * ...the file...
 * ```
 * &lt;!-- /snippet --&gt;
 * </pre>
 *
 * <p>or, for part of a file, {@code <!-- snippet: PATH#NAME -->}: the lines between one holding
 * {@code snippet:NAME} and one holding {@code /snippet:NAME} (in any comment syntax), their common
 * indentation removed. Paths are relative to the repository root. Immutable values; stateless.
 */
final class ReadmeSnippets {

  /** The languages whose blocks must all be snippets. */
  static final Set<String> CHECKED_LANGUAGES = Set.of("java", "xml", "properties");

  private static final Pattern MARKER =
      Pattern.compile(
          "<!-- snippet: (?<path>[^#\\s]+)(?:#(?<region>[\\w-]+))? -->\\n"
              + "```(?<lang>\\w*)\\n(?<body>(?s:.*?))```\\n<!-- /snippet -->");

  /** A fence, also one indented into a list item (a snippet there must move out of the list). */
  private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*```(\\w*)[ \\t]*$");

  private ReadmeSnippets() {}

  /**
   * One marked copy.
   *
   * @param path the source, relative to the repository root
   * @param region the region's name, or {@code null} for the whole file
   * @param body the block's text, ending with a line break
   * @param line the README line of the marker, for messages
   */
  record Snippet(String path, String region, String body, int line) {

    /** {@code PATH} or {@code PATH#REGION}. */
    String source() {
      return region == null ? path : path + "#" + region;
    }
  }

  /** The marked copies, in order. */
  static List<Snippet> in(String readme) {
    List<Snippet> found = new ArrayList<>();
    Matcher m = MARKER.matcher(readme);
    while (m.find()) {
      found.add(new Snippet(m.group("path"), m.group("region"), m.group("body"), line(readme, m)));
    }
    return found;
  }

  /**
   * The README lines that open a block in one of {@code languages} outside every marker.
   *
   * @return one-based line numbers
   */
  static List<Integer> unmarkedBlocks(String readme, Set<String> languages) {
    String outside = MARKER.matcher(readme).replaceAll(r -> "\n".repeat(newlines(r.group())));
    List<Integer> lines = new ArrayList<>();
    Matcher fence = FENCE.matcher(outside);
    boolean open = false;
    while (fence.find()) {
      if (!open && languages.contains(fence.group(1))) {
        lines.add(line(outside, fence));
      }
      open = !open;
    }
    return lines;
  }

  /**
   * What a snippet must be: the whole {@code source}, or its region.
   *
   * @throws IllegalArgumentException when the region is missing or unclosed
   */
  static String expected(String source, String region) {
    if (region == null) {
      return source.endsWith("\n") ? source : source + "\n";
    }
    List<String> lines = source.lines().toList();
    Pattern start = Pattern.compile("(?<!/)snippet:" + Pattern.quote(region) + "\\b");
    Pattern end = Pattern.compile("/snippet:" + Pattern.quote(region) + "\\b");
    int from = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (from < 0 && start.matcher(lines.get(i)).find()) {
        from = i + 1;
      } else if (from >= 0 && end.matcher(lines.get(i)).find()) {
        return dedent(lines.subList(from, i));
      }
    }
    throw new IllegalArgumentException(
        from < 0 ? "no line holds snippet:" + region : "snippet:" + region + " is never closed");
  }

  /** {@code readme} with every snippet's block replaced by {@code bodies}, in order. */
  static String rewrite(String readme, List<String> bodies) {
    Matcher m = MARKER.matcher(readme);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (m.find()) {
      String marked = m.group();
      String body = bodies.get(i++);
      int bodyStart = m.start("body") - m.start();
      int bodyEnd = m.end("body") - m.start();
      String replaced = marked.substring(0, bodyStart) + body + marked.substring(bodyEnd);
      m.appendReplacement(out, Matcher.quoteReplacement(replaced));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String dedent(List<String> lines) {
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return out.toString();
  }

  private static int line(String text, Matcher m) {
    return newlines(text.substring(0, m.start())) + 1;
  }

  private static int newlines(String s) {
    return (int) s.chars().filter(c -> c == '\n').count();
  }
}
