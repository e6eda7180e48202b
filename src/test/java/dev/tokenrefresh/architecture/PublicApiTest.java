package dev.tokenrefresh.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tokenrefresh.internal.core.RefreshCoordinator;
import dev.tokenrefresh.testing.PublicApi;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public API list, the types it names and README's "Public API" section agree; every other
 * public type sits in an {@code internal} package, and no public signature of a listed type names
 * an internal one.
 */
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
    assertThat(PublicApi.allows("dev.tokenrefresh.internal.jakarta.config.SettingsMapping"))
        .isFalse();
    assertThat(PublicApi.allows("dev.tokenrefresh.internal.core.RefreshCoordinator")).isFalse();
  }

  @Test
  void everyPublicTypeOutsideInternalPackages_isListed() {
    assertThat(exposed(MAIN)).containsExactlyInAnyOrderElementsOf(PublicApi.TYPES);
  }

  @Test
  void exposed_reportsAPublicTypeOutsideInternalPackages_notOneInside() {
    JavaClasses classes =
        new ClassFileImporter().importClasses(PublicApi.class, RefreshCoordinator.class);
    assertThat(exposed(classes)).containsExactly(PublicApi.class.getName());
  }

  @Test
  void publicSignaturesOfListedTypes_useNoInternalType() {
    assertThat(leaks(MAIN)).isEmpty();
  }

  @Test
  void leaks_reportsAnInternalTypeInAPublicSignature() {
    JavaClasses classes = new ClassFileImporter().importClasses(Leaky.class);
    assertThat(leaks(classes, PublicApiTest.class.getName()))
        .containsExactly(Leaky.class.getName().replace('$', '.') + ".coordinator()");
  }

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tokenrefresh");

  /** Top-level public types of {@code classes} outside the {@code internal} packages. */
  private static Set<String> exposed(JavaClasses classes) {
    Set<String> names = new TreeSet<>();
    for (JavaClass c : classes) {
      if (c.isTopLevelClass()
          && c.getModifiers().contains(JavaModifier.PUBLIC)
          && !c.getPackageName().contains(".internal")) {
        names.add(c.getName());
      }
    }
    return names;
  }

  private static List<String> leaks(JavaClasses classes) {
    return leaks(classes, PublicApi.TYPES.toArray(String[]::new));
  }

  /**
   * Public or protected members of the listed types (and their nested types) whose signature names
   * a library type that is not public API: {@code Type.member()}.
   */
  private static List<String> leaks(JavaClasses classes, String... listed) {
    Set<String> api = Set.of(listed);
    List<String> found = new ArrayList<>();
    for (JavaClass c : classes) {
      String top =
          c.getName().contains("$")
              ? c.getName().substring(0, c.getName().indexOf('$'))
              : c.getName();
      if (!api.contains(top) || !visible(c.getModifiers())) {
        continue;
      }
      for (JavaMember m : c.getMembers()) {
        if (!visible(m.getModifiers()) || m.getModifiers().contains(JavaModifier.SYNTHETIC)) {
          continue;
        }
        Set<JavaClass> types = new HashSet<>();
        if (m instanceof JavaCodeUnit unit) {
          types.addAll(unit.getReturnType().getAllInvolvedRawTypes());
          unit.getParameterTypes().forEach(t -> types.addAll(t.getAllInvolvedRawTypes()));
        } else if (m instanceof JavaField field) {
          types.addAll(field.getType().getAllInvolvedRawTypes());
        }
        if (types.stream().anyMatch(t -> !PublicApi.allows(t.getName(), api))) {
          found.add(
              c.getName().replace('$', '.')
                  + "."
                  + m.getName()
                  + (m instanceof JavaCodeUnit ? "()" : ""));
        }
      }
    }
    return found;
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  /** A listed-for-the-test type whose public method returns an internal type. */
  public static final class Leaky {
    public RefreshCoordinator coordinator() {
      return null;
    }
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
