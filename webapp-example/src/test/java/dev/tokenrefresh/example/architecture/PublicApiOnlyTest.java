package dev.tokenrefresh.example.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tokenrefresh.testing.PublicApi;

/**
 * The example is what a user's WAR looks like: its code uses the library's public API only (the
 * list in {@link PublicApi}, README's "Public API"), never the library's internals.
 */
@AnalyzeClasses(
    packages = "dev.tokenrefresh.example",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiOnlyTest {

  private static final DescribedPredicate<JavaClass> LIBRARY_INTERNALS =
      DescribedPredicate.describe(
          "are library types outside the public API", c -> !PublicApi.allows(c.getName()));

  @ArchTest
  static final ArchRule exampleUsesThePublicApiOnly =
      noClasses()
          .that()
          .resideInAPackage("dev.tokenrefresh.example..")
          .should()
          .dependOnClassesThat(LIBRARY_INTERNALS)
          .because("an application compiles against the public API; the rest may change");
}
